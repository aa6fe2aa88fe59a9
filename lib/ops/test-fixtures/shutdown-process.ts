import { installGracefulShutdown } from "../shutdown";

/**
 * A stand-in for a `next start` process: a signal handler registered first that "drains
 * requests" for the first argument's milliseconds and then calls process.exit(143), as Next's start-server does.
 */
const drainMs = Number(process.argv[2] ?? 100);
const workMs = Number(process.argv[3] ?? 300);
const nextHandles = process.argv[4] !== "alone";
const say = (line: string) => process.stdout.write(`${line}\n`);
const log = { info: () => {}, warn: (...args: unknown[]) => say(`warn ${JSON.stringify(args)}`), error: () => {} };

if (nextHandles) {
  process.on("SIGTERM", () => {
    say("next:draining");
    setTimeout(() => {
      say("next:exit");
      process.exit(143);
    }, drainMs);
  });
}

installGracefulShutdown({
  log: log as never,
  stopWork: [
    async () => {
      say("worker:stopping");
      await new Promise((r) => setTimeout(r, workMs));
      say("worker:stopped");
    },
  ],
  close: [
    async () => {
      say("pool:closed");
    },
  ],
  graceMs: 5_000,
});
say("ready");
setInterval(() => {}, 1_000);
