import { spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { JobsWorkerMode } from "@/lib/env";
import { freePort } from "@/lib/net/ports";
import { spawnAppProcesses, spawnWorkerProcess } from "@/scripts/spawn-app";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const LOG_TAIL_CHARS = 20_000;
const HOST = "127.0.0.1";

export type WorkerProcess = {
  pid: number;
  /** The last lines the process wrote (stdout and stderr), for failure messages. */
  logs(): string;
  /** Sends the signal and resolves with the exit code (or the signal's name) once it exited. */
  stop(signal?: NodeJS.Signals): Promise<number | string | null>;
};

export type AppProcess = WorkerProcess & {
  port: number;
  url: string;
  /** The separate jobs worker started with the web process (JOBS_WORKER=separate), else null. */
  worker: WorkerProcess | null;
};

/**
 * Makes sure .next holds a production build, building at most once at a time across test
 * files and processes (a file lock) and only when there is none (see ensure-build.ts).
 */
export function ensureProductionBuild(): void {
  const result = spawnSync(
    "flock",
    ["/tmp/evently-next-build.lock", process.execPath, require.resolve("tsx/cli"), "tests/scale/support/ensure-build.ts"],
    { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] },
  );
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
}

/** The environment of an app process: only what it needs, pointing at the test's database. */
function appEnv(port: number, overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_TRUST_HOST: "true",
    AUTH_SECRET: process.env.AUTH_SECRET,
    DATABASE_URL: process.env.DATABASE_URL,
    DATABASE_POOL_MAX: "10",
    REDIS_URL: process.env.REDIS_URL,
    DATA_DIR: ".data/test",
    APP_URL: `http://${HOST}:${port}`,
    LOG_LEVEL: "warn",
    RATE_LIMITS: "off",
    SEED_DEMO: "false",
    ...overrides,
  };
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
}

/** Keeps a child's output tail and its exit. */
function watched(child: ChildProcess): WorkerProcess {
  let tail = "";
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-LOG_TAIL_CHARS);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<number | string | null>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal)));
  return {
    pid: child.pid!,
    logs: () => tail,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

async function waitUntilServing(url: string, child: ChildProcess, logs: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`app exited while starting:\n${logs()}`);
    try {
      await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`app did not answer within ${timeoutMs} ms:\n${logs()}`);
}

/**
 * The production build on a free loopback port, started the way `npm start` starts it
 * (scripts/app-process.ts): `next start`, and with `jobs: "separate"` (the default) a jobs worker
 * process beside it; `inline` runs the jobs in the web process, `off` runs none (see startWorker).
 * `stop()` signals both processes and resolves with the web process's exit.
 */
export async function startApp(
  options: { env?: Record<string, string | undefined>; port?: number; jobs?: JobsWorkerMode } = {},
): Promise<AppProcess> {
  const port = options.port ?? (await freePort());
  const url = `http://${HOST}:${port}`;
  const jobs = options.jobs ?? "separate";
  const env = appEnv(port, { ...options.env, JOBS_WORKER: jobs });
  const children = spawnAppProcesses({ mode: "start", env, port, host: HOST, separateWorker: jobs === "separate", stdio: ["ignore", "pipe", "pipe"] });
  const web = watched(children.web);
  const worker = children.worker ? watched(children.worker) : null;
  try {
    await waitUntilServing(url, children.web, web.logs);
    if (worker) await waitUntilBeating(url, worker);
  } catch (error) {
    await worker?.stop("SIGKILL");
    throw error;
  }
  return {
    ...web,
    port,
    url,
    worker,
    async stop(signal = "SIGTERM") {
      const [code] = await Promise.all([web.stop(signal), worker?.stop(signal)]);
      return code;
    },
  };
}

/**
 * Until health sees a live worker: before its first heartbeat, health rightly says no worker runs
 * the waiting jobs, and a cold start (tsx compiling the worker on a fresh checkout) takes seconds.
 */
async function waitUntilBeating(url: string, worker: WorkerProcess, timeoutMs = 60_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    const health = (await (await fetch(`${url}/api/health`)).json()) as { checks?: { workers?: { detail?: { live?: number } } } };
    if ((health.checks?.workers?.detail?.live ?? 0) > 0) return;
  }
  throw new Error(`the jobs worker never wrote its heartbeat:\n${worker.logs()}`);
}

/** A jobs worker process alone (`npm run worker`), on the test's database, for the app on `port` (its links). */
export function startWorker(options: { port: number; env?: Record<string, string | undefined> }): WorkerProcess {
  return watched(spawnWorkerProcess(appEnv(options.port, options.env ?? {}), ["ignore", "pipe", "pipe"]));
}
