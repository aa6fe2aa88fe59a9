import { randomBytes } from "node:crypto";
import { runMigrations } from "../lib/db/migrate";
import { ensureProductionBuild, startApp } from "../tests/scale/support/app-server";
import { freshLocalDatabase } from "./fresh-local-database";
import { client, cpuMsOf, flashSale, hammer, postgresFloor } from "./bench-booking/load";

/**
 * `npm run bench:booking`: a flash sale over HTTP against the production build (`next start` on a
 * free loopback port, fresh database, RATE_LIMITS=off, LOG_LEVEL=warn): one event of --capacity
 * seats (1,000), --buyers verified buyers (200) with access tokens, --concurrency clients (50)
 * booking one seat per request until SOLD_OUT, --rounds sales (5) after two warm-up sales. Measured
 * in the same run: the framework floor (GET /api/info, the same build, the same load) and the
 * Postgres floor (the bare conditional seat update on one row from 50 connections). The load
 * generator shares the machine: read the figures as ratios; the CPU per request of the app, the
 * embedded Postgres and the generator says where the time goes. --jobs runs the app's jobs worker
 * (emails, analytics) during the sale instead of after it; BENCH_APP_NODE_OPTIONS passes Node
 * flags to the app (e.g. --max-semi-space-size=32).
 */
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const CAPACITY = arg("capacity", 1000);
const BUYERS = arg("buyers", 200);
const CONCURRENCY = arg("concurrency", 50);
const ROUNDS = arg("rounds", 5);
const TIMEOUT_S = arg("timeout", 60);
const JOBS = process.argv.includes("--jobs");
const DB_NAME = "evently_bench_booking";

const say = (line = "") => process.stdout.write(`${line}\n`);

async function main() {
  const database = await freshLocalDatabase({ name: DB_NAME, dataDir: ".data/bench-booking" });
  await runMigrations(database.url);
  process.env.DATABASE_URL = database.url;
  process.env.LOG_LEVEL = "warn";
  process.env.RATE_LIMITS = "off";
  // The app must verify the tokens this process signs: one secret for both.
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  // Imported after DATABASE_URL points at the bench database: lib/env reads it once.
  const { createTestTokens, createTestUser } = await import("../lib/domain/auth/test-fixtures");
  const { createEvent, publishEvent } = await import("../lib/domain/events");
  const { testCtx } = await import("../tests/harness/db");
  const { getDb, closeDb } = await import("../lib/db/client");

  say(`seeding ${BUYERS} verified buyers with access tokens and ${ROUNDS + 3} events…`);
  const organizer = await createTestUser({ role: "organizer" });
  const tokens: string[] = [];
  for (let i = 0; i < BUYERS; i++) tokens.push((await createTestTokens()).accessToken);
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
  const newEvent = async (capacity: number) => {
    const input = { title: "Flash sale", venue: "Bench Hall", category: "music", startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(), capacity, priceCents: 4500, currency: "EUR", perUserLimit: 10 };
    const draft = await createEvent({ ctx: testCtx(organizer.actor), input });
    return (await publishEvent({ ctx: testCtx(organizer.actor), input: { id: draft.id } })).id;
  };
  // Two warm-up sales: V8 keeps optimizing the booking path well past the first thousand requests.
  const warmEvents = [await newEvent(Math.min(CAPACITY, BUYERS * 10)), await newEvent(Math.min(CAPACITY, BUYERS * 10))];
  const saleEvents: string[] = [];
  for (let r = 0; r < ROUNDS; r++) saleEvents.push(await newEvent(CAPACITY));
  const floorEvent = await newEvent(1_000_000);

  say("ensuring a production build (next build when missing)…");
  ensureProductionBuild();
  const app = await startApp({ env: { DATABASE_URL: database.url, AUTH_SECRET: process.env.AUTH_SECRET, RATE_LIMITS: "off", LOG_LEVEL: "warn", JOBS_WORKER: JOBS ? "true" : "false", NODE_OPTIONS: process.env.BENCH_APP_NODE_OPTIONS } });
  const appCpu = () => cpuMsOf((pid) => pid === app.pid);
  const embeddedDir = database.embedded?.dataDir;
  const pgCpu = () => (embeddedDir ? cpuMsOf((_, cmd) => cmd.includes(embeddedDir)) : Number.NaN);
  const genCpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  /** CPU ms per request of the app, Postgres and this generator while `work` runs. */
  async function measured<T extends { count: number }>(work: () => Promise<T>) {
    const before = [appCpu(), pgCpu(), genCpu()];
    const result = await work();
    const after = [appCpu(), pgCpu(), genCpu()];
    const per = after.map((a, i) => (a - before[i]!) / result.count);
    return { ...result, cpu: { app: per[0]!, pg: per[1]!, gen: per[2]! } };
  }
  const cpuText = (c: { app: number; pg: number; gen: number }) =>
    `CPU/request app ${c.app.toFixed(2)} ms${Number.isNaN(c.pg) ? "" : `, postgres ${c.pg.toFixed(2)} ms`}, generator ${c.gen.toFixed(2)} ms`;

  try {
    const request = client(app.url, CONCURRENCY);
    const sale = (eventId: string) => flashSale(request, { eventId, tokens, concurrency: CONCURRENCY, timeoutMs: TIMEOUT_S * 1000 });
    const floor = () => hammer(CAPACITY, CONCURRENCY, () => request("GET", "/api/info"));
    say(`app on ${app.url} (jobs worker ${JOBS ? "on" : "off during the sale"}); warming up…`);
    for (const eventId of warmEvents) {
      await floor();
      await sale(eventId);
    }

    // Floor and sale alternate, so the box's other load hits both alike; ratios are per round.
    const rounds = [];
    for (const eventId of saleEvents) {
      const f = await measured(floor);
      if (!f.ok) throw new Error("the framework floor route did not answer 200");
      const s = await measured(() => sale(eventId));
      rounds.push({ eventId, floor: f, sale: s });
    }
    const pg = await postgresFloor(database.url, { eventId: floorEvent, total: 20_000, connections: CONCURRENCY });

    const db = getDb();
    say();
    say(`flash sale: ${CAPACITY} seats, ${BUYERS} buyers, ${CONCURRENCY} concurrent clients, 1 seat per request; ${rounds.length} rounds, each after a framework-floor burst`);
    for (const [i, r] of rounds.entries()) {
      const [row] = await db.$client<{ capacity: number; sold: number; items: number }[]>`
        select inv.capacity, inv.sold,
               (select count(*)::int from bookings.booking_items i join bookings.bookings b on b.id = i.booking_id
                 where b.event_id = inv.event_id and b.status = 'confirmed') as items
          from bookings.event_inventory inv where inv.event_id = ${r.eventId}`;
      if (row!.items !== row!.capacity || row!.sold !== row!.capacity || r.sale.sold !== row!.capacity) throw new Error(`round ${i + 1}: seats sold do not match capacity`);
      say(`  round ${i + 1}: sold ${row!.items} of ${row!.capacity} (counter ${row!.sold}), oversold ${Math.max(0, row!.items - row!.capacity)}, ${r.sale.count - r.sale.sold} SOLD_OUT answers`);
      say(`    sale   ${r.sale.seatsPerSecond.toFixed(0).padStart(5)} seats/s, p50 ${r.sale.p50.toFixed(1)} ms, p99 ${r.sale.p99.toFixed(1)} ms; ${cpuText(r.sale.cpu)}`);
      say(`    floor  ${r.floor.rps.toFixed(0).padStart(5)} req/s,   p50 ${r.floor.p50.toFixed(1)} ms, p99 ${r.floor.p99.toFixed(1)} ms; ${cpuText(r.floor.cpu)}`);
      say(`    sale / framework floor = ${((100 * r.sale.seatsPerSecond) / r.floor.rps).toFixed(0)} %`);
    }
    const median = <T>(xs: T[], key: (x: T) => number) => [...xs].sort((a, b) => key(a) - key(b))[Math.floor(xs.length / 2)]!;
    const mid = median(rounds, (r) => r.sale.seatsPerSecond / r.floor.rps);
    say(`postgres floor (bare conditional update, one row, ${CONCURRENCY} connections): ${pg.ups.toFixed(0)} updates/s, p50 ${pg.p50.toFixed(2)} ms, p99 ${pg.p99.toFixed(2)} ms`);
    say(
      `median round: ${mid.sale.seatsPerSecond.toFixed(0)} seats/s (p50 ${mid.sale.p50.toFixed(1)} ms, p99 ${mid.sale.p99.toFixed(1)} ms) = ` +
        `${((100 * mid.sale.seatsPerSecond) / mid.floor.rps).toFixed(0)} % of the framework floor (${mid.floor.rps.toFixed(0)} req/s), ` +
        `${((100 * mid.sale.seatsPerSecond) / pg.ups).toFixed(0)} % of the postgres floor (${pg.ups.toFixed(0)} updates/s)`,
    );
  } finally {
    await app.stop("SIGTERM");
    await closeDb();
    await database.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
