import { randomUUID } from "node:crypto";
import type { Db } from "../lib/db/client";
import { runMigrations } from "../lib/db/migrate";
import { freshLocalDatabase } from "./fresh-local-database";

/**
 * `npx tsx scripts/measure-mail.ts [--bookings=300] [--warmup=30]`: what one booking confirmation
 * email costs the jobs worker. In a fresh database, books --bookings seats (one per buyer), then
 * drains only the confirmation function in this process and reports, per email, the worker's CPU
 * time (process.cpuUsage, so Postgres is not counted) and the database round trips (every query
 * of the drain, the runner's own claims and step writes included, counted by a postgres.js debug
 * hook). A first batch of --warmup bookings is drained unmeasured, so module loading and JIT
 * warm-up are left out. Mail goes to the built-in mailbox (SMTP_URL unset).
 */
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const BOOKINGS = arg("bookings", 300);
const WARMUP = arg("warmup", 30);
const DB_NAME = "evently_measure_mail";

const say = (line = "") => process.stdout.write(`${line}\n`);

async function main() {
  const database = await freshLocalDatabase({ name: DB_NAME, dataDir: ".data/measure-mail" });
  await runMigrations(database.url);
  process.env.DATABASE_URL = database.url;
  process.env.LOG_LEVEL = "warn";
  process.env.RATE_LIMITS = "off";
  delete process.env.SMTP_URL;
  // Imported after DATABASE_URL points at the fresh database: lib/env reads it once.
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const schema = await import("../lib/db/schema");
  const { closeDb } = await import("../lib/db/client");
  const { createTestUser } = await import("../lib/domain/auth/test-fixtures");
  const { publishedEvent } = await import("../lib/domain/events/event-fixtures");
  const { bookSeats } = await import("../lib/domain/bookings");
  const { drainJobs } = await import("../lib/jobs/drain");
  const { sendOrderConfirmedEmailOnConfirm } = await import("../inngest/functions/send-order-confirmed-email");
  const { testCtx } = await import("../tests/harness/db");

  let queries = 0;
  const client = postgres(database.url, { max: 10, onnotice: () => {}, debug: () => void queries++ });
  const db: Db = drizzle({ client, schema });

  const organizer = await createTestUser({ role: "organizer" });
  const event = await publishedEvent(organizer.actor, { title: "Mail measurement", venue: "Bench Hall", capacity: BOOKINGS + WARMUP, priceCents: 4500 });
  const book = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const buyer = await createTestUser();
      await bookSeats({ ctx: testCtx(buyer.actor), input: { eventId: event.id, quantity: 1, idempotencyKey: randomUUID() } });
    }
  };
  const drain = () => drainJobs({ db, functions: [sendOrderConfirmedEmailOnConfirm], timeoutMs: 600_000 });

  await book(WARMUP);
  await drain();
  await book(BOOKINGS);

  queries = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const outcome = await drain();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;

  say(`confirmation emails: ${outcome.completed} completed, ${outcome.dead} dead (of ${BOOKINGS})`);
  say(`per email: ${(cpuMs / BOOKINGS).toFixed(2)} ms CPU, ${(queries / BOOKINGS).toFixed(2)} database round trips`);
  say(`drain: ${Math.round(wallMs)} ms wall, ${Math.round(cpuMs)} ms CPU, ${queries} queries`);

  await client.end({ timeout: 5 });
  await closeDb();
  await database.drop();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
