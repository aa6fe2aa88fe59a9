/**
 * Next's start-up hook, once per server process: starts this process's jobs worker and installs
 * graceful shutdown. Node.js runtime only (NEXT_RUNTIME is how Next tells the runtimes apart),
 * and never during `next build`, whose page-rendering workers would otherwise run jobs.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startOperations } = await import("./lib/ops/start-operations");
  startOperations();
}
