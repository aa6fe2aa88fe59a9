import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * How the app runs: `start` (`next start` of the build in .next), `dev` (`next dev`), `standalone`
 * (the image: `node server.js` of the standalone output).
 */
export type AppMode = "start" | "dev" | "standalone";

export type AppProcesses = { web: ChildProcess; worker: ChildProcess | null };

/**
 * The app's processes, as `npm start`/`npm run dev`, the image, the process tests and the booking
 * benchmark all start them: the web server, and with `separateWorker` a jobs worker process
 * (scripts/worker.ts) beside it. The web process runs jobs itself only with JOBS_WORKER=inline.
 */
export function spawnAppProcesses(o: {
  mode: AppMode;
  env: NodeJS.ProcessEnv;
  port: number;
  host: string;
  separateWorker: boolean;
  stdio: StdioOptions;
}): AppProcesses {
  const env = { ...o.env, HOST: o.host, PORT: String(o.port) };
  const web =
    o.mode === "standalone"
      ? // server.js reads HOSTNAME and PORT; Docker sets HOSTNAME to the container's name.
        spawn(process.execPath, ["server.js"], { stdio: o.stdio, env: { ...env, HOSTNAME: o.host } })
      : spawn(process.execPath, [require.resolve("next/dist/bin/next"), o.mode, "-p", String(o.port), "-H", o.host], { stdio: o.stdio, env });
  // `next start` and server.js run React's production build; a worker beside them must too (its
  // development build renders an email several times slower).
  const workerEnv = o.mode === "dev" ? env : { ...env, NODE_ENV: "production" as const };
  return { web, worker: o.separateWorker ? spawnWorkerProcess(workerEnv, o.stdio) : null };
}

/**
 * A jobs worker process (`npm run worker`). Node with tsx's loader, not the tsx CLI, which would
 * run the script in a second process: signals (a SIGKILL too) and the pid in the worker's id must
 * reach the worker itself.
 */
export function spawnWorkerProcess(env: NodeJS.ProcessEnv, stdio: StdioOptions): ChildProcess {
  const tsx = pathToFileURL(require.resolve("tsx")).href;
  return spawn(process.execPath, ["--import", tsx, path.join(import.meta.dirname, "worker.ts")], { stdio, env });
}
