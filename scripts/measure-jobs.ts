import { randomUUID } from "node:crypto";
import { runMigrations } from "../lib/db/migrate";
import { freshLocalDatabase } from "./fresh-local-database";

/**
 * Measures the embedded jobs runner on its own (no HTTP): FACTS booking facts for the analytics
 * function, then FACTS demo facts for a function with one no-op step, each drained by one
 * worker with SLOTS slots. Prints facts per second and the worker process's CPU
 * milliseconds per fact (process.cpuUsage: user + system, Postgres not included).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx scripts/measure-jobs.ts [FACTS] [SLOTS]
 */
const FACTS = Number(process.argv[2] ?? 2_000);
/** Runs the worker executes at once (its `concurrency`): 4 was the worker's default when this was written. */
const SLOTS = Number(process.argv[3] ?? 4);
const EVENTS = 20;

async function main() {
  const database = await freshLocalDatabase({ name: "evently_measure_jobs", dataDir: ".data/measure-jobs" });
  process.env.DATABASE_URL = database.url;
  process.env.LOG_LEVEL = "warn";
  await runMigrations(database.url);
  // Imported after DATABASE_URL points at the fresh database: lib/env reads it once.
  const { getDb, closeDb } = await import("../lib/db/client");
  const { logger } = await import("../lib/log/logger");
  const { emit } = await import("../lib/jobs/emit");
  const { startJobsWorker } = await import("../lib/jobs/worker");
  const { inngest } = await import("../inngest/client");
  const { events } = await import("../inngest/events");
  const { applyBookingFacts } = await import("../inngest/functions/apply-booking-facts");
  const { sql } = await import("drizzle-orm");
  const db = getDb();

  const noop = inngest.createFunction({ id: "measure-noop", triggers: [events["platform.demo_requested"]] }, async ({ step }) =>
    step.run("noop", () => null),
  );

  async function pending(): Promise<number> {
    const [row] = await db.execute<{ n: number }>(sql`
      select (select count(*) from platform.outbox where dispatched_at is null)
        + (select count(*) from platform.job_runs where status in ('queued', 'running')) as n`);
    // Events waiting to fill a batch (the table exists once the runner batches).
    const batched = await db
      .execute<{ n: number }>(sql`select count(*)::int as n from platform.job_batch_items`)
      .then((r) => r[0]!.n)
      .catch(() => 0);
    return Number(row!.n) + batched;
  }

  async function phase(name: string, functions: Parameters<typeof startJobsWorker>[0]["functions"], emitAll: () => Promise<void>) {
    await emitAll();
    const cpu = process.cpuUsage();
    const started = performance.now();
    const worker = startJobsWorker({ db, log: logger, functions, concurrency: SLOTS, pollMs: 50 });
    while ((await pending()) > 0) await new Promise((r) => setTimeout(r, 100));
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    await worker.stop();
    const [runs] = await db.execute<{ n: number }>(sql`select count(*)::int as n from platform.job_runs where status = 'completed'`);
    console.log(
      `${name}: ${FACTS} facts in ${(ms / 1000).toFixed(2)} s = ${Math.round((FACTS / ms) * 1000)} facts/s; ` +
        `${runs!.n} runs; CPU ${((used.user + used.system) / 1000 / FACTS).toFixed(3)} ms per fact`,
    );
    await db.execute(sql`truncate platform.job_runs, platform.outbox cascade`);
  }

  const eventIds = Array.from({ length: EVENTS }, () => randomUUID());
  const organizerId = randomUUID();
  await phase("analytics (apply-booking-facts)", [applyBookingFacts], () =>
    db.transaction(async (tx) => {
      for (let i = 0; i < FACTS; i++) {
        const data = {
          bookingId: randomUUID(),
          eventId: eventIds[i % EVENTS]!,
          userId: randomUUID(),
          organizerId,
          quantity: 1,
          totalCents: 1000,
          currency: "EUR",
          source: "direct" as const,
          confirmedAt: new Date().toISOString(),
        };
        await emit(tx, { name: "booking.confirmed", data, requestId: randomUUID() });
      }
    }),
  );
  const [sold] = await db.execute<{ n: number }>(sql`select coalesce(sum(bookings_confirmed), 0)::int as n from analytics.event_stats`);
  if (sold!.n !== FACTS) throw new Error(`analytics counted ${sold!.n} bookings, expected ${FACTS}`);

  await phase("no-op step (one step, one run per fact)", [noop], () =>
    db.transaction(async (tx) => {
      for (let i = 0; i < FACTS; i++) {
        await emit(tx, { name: "platform.demo_requested", data: { to: `guest${i}@example.com` }, requestId: randomUUID() });
      }
    }),
  );

  await closeDb();
  await database.drop();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
