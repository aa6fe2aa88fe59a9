import type { Db } from "@/lib/db/client";
import { seedUsers } from "@/lib/domain/auth";
import { system } from "@/lib/domain/context";
import { env } from "@/lib/env";
import type { Logger } from "@/lib/log/logger";
import { seedBookingHistory } from "./booking-history";
import { seedDemoEvents } from "./demo-events";

/**
 * Demo data for a fresh `npm start`. Each step is idempotent (it checks before it writes), so
 * running the seed on every start is safe and a second start reuses what is there.
 */
export type SeedStep = { name: string; run: (args: { db: Db; log: Logger }) => Promise<void> };

const steps: SeedStep[] = [
  {
    name: "auth.users",
    run: ({ db, log }) =>
      seedUsers({
        ctx: { actor: system, db, requestId: "seed", log, now: () => new Date() },
        input: {
          demo: env.SEED_DEMO,
          admin: env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : undefined,
        },
      }),
  },
  // Before the sales history, which sells into the demo organizers' published events.
  { name: "events.demo-events", run: seedDemoEvents },
  { name: "analytics.booking-history", run: seedBookingHistory },
];

export async function runSeed(db: Db, log: Logger): Promise<void> {
  for (const step of steps) {
    await step.run({ db, log });
    log.info({ step: step.name }, "seed.step_done");
  }
}
