import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_HOST, parseEnv } from "../lib/env";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/db/embedded";
import { spawnAppProcesses, type AppMode } from "./spawn-app";

/**
 * What `npm start` and `npm run dev` share: a database (DATABASE_URL's, or an embedded Postgres
 * under the data folder), migrations, the demo seed, then the web server and (JOBS_WORKER=separate,
 * the default) a jobs worker as child processes, stopped together.
 */
function log(msg: string, extra: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ level: 30, time: new Date().toISOString(), service: "evently", msg, ...extra }));
}

function currentCommit(): string | null {
  const result = spawnSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" });
  const dirty = spawnSync("git", ["status", "--porcelain"], { encoding: "utf8" });
  if (result.status !== 0) return null;
  return `${result.stdout.trim()}${dirty.stdout.trim() ? "-dirty" : ""}`;
}

/** Builds when there is no build, or when it was made from other sources. */
function ensureBuild(): void {
  const stamp = path.join(".next", "evently-source");
  const commit = currentCommit();
  const built = existsSync(path.join(".next", "BUILD_ID"));
  const same = built && commit !== null && !commit.endsWith("-dirty") && existsSync(stamp) && readFileSync(stamp, "utf8") === commit;
  if (built && (same || commit === null)) return;
  log("building the app (next build)");
  const result = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
  if (commit) writeFileSync(stamp, commit);
}

/** `database`: a cluster the caller started; it is stopped with the app, like one started here. */
export async function runApp(mode: AppMode, database?: EmbeddedDatabase): Promise<void> {
  const env = parseEnv(process.env);
  let embedded = database;
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: env.DATA_DIR, database: "evently" });
    databaseUrl = embedded.url;
    log("using embedded Postgres (DATABASE_URL is not set)", { dataDir: path.resolve(env.DATA_DIR, "pg") });
  }
  const childEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: env.AUTH_SECRET,
    AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true",
    NEXT_TELEMETRY_DISABLED: "1",
  };

  const prepare = spawnSync(process.execPath, [require.resolve("tsx/cli"), "scripts/prepare-database.ts"], {
    stdio: "inherit",
    env: childEnv,
  });
  if (prepare.status !== 0) {
    await embedded?.stop();
    process.exit(prepare.status ?? 1);
  }

  if (mode === "start") ensureBuild();
  const host = env.HOST ?? DEFAULT_HOST;
  const separateWorker = env.JOBS_WORKER === "separate";
  const { web, worker } = spawnAppProcesses({ mode, env: childEnv, port: env.PORT, host, separateWorker, stdio: "inherit" });
  log("app started", { url: `http://${host}:${env.PORT}`, jobsWorker: separateWorker ? `process ${worker!.pid}` : env.JOBS_WORKER });

  // Either process ending ends the app: the other is stopped gracefully, then the database.
  const children = [web, ...(worker ? [worker] : [])];
  const exits = children.map((child) => new Promise<number>((resolve) => child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)))));
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGHUP", () => stop("SIGTERM"));
  const first = await Promise.race(children.map((child, i) => exits[i]!.then((code) => ({ child, code }))));
  const unexpected = !stopping;
  if (unexpected) log(`${first.child === web ? "web" : "jobs worker"} process exited (code ${first.code}): stopping the app`);
  stop("SIGTERM");
  const codes = await Promise.all(exits);
  await embedded?.stop();
  process.exit(unexpected ? first.code || 1 : codes[0]!);
}
