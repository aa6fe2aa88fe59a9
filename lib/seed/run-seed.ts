import type { Db } from "@/lib/db/client";
import type { Logger } from "@/lib/log/logger";

/**
 * Demo data for a fresh `npm start`. Each step is idempotent (it checks before it writes), so
 * running the seed on every start is safe and a second start reuses what is there.
 */
export type SeedStep = { name: string; run: (args: { db: Db; log: Logger }) => Promise<void> };

const steps: SeedStep[] = [];

export async function runSeed(db: Db, log: Logger): Promise<void> {
  for (const step of steps) {
    await step.run({ db, log });
    log.info({ step: step.name }, "seed.step_done");
  }
}
