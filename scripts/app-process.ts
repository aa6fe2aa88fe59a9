import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "../lib/env";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/db/embedded";

/**
 * What `npm start` and `npm run dev` share: a database (DATABASE_URL's, or an embedded Postgres
 * under the data folder), migrations, the demo seed, then Next itself as a child process.
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
export async function runApp(mode: "start" | "dev", database?: EmbeddedDatabase): Promise<void> {
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
  const next = spawn(process.execPath, [require.resolve("next/dist/bin/next"), mode, "-p", String(env.PORT)], {
    stdio: "inherit",
    env: childEnv,
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    next.kill(signal);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGHUP", () => stop("SIGTERM"));
  next.on("exit", async (code) => {
    await embedded?.stop();
    process.exit(code ?? 0);
  });
}
