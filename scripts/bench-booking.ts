import { randomBytes } from "node:crypto";
import { runMigrations } from "../lib/db/migrate";
import { ensureProductionBuild, startApp, startWorker, type WorkerProcess } from "../tests/scale/support/app-server";
import { freshLocalDatabase } from "./fresh-local-database";
import { measureAftermath } from "./bench-booking/aftermath";
import { client, cpuMsOf, flashSale, hammer, hammerUntil, orderSale, postgresFloor } from "./bench-booking/load";

/**
 * `npm run bench:booking`: a flash sale over HTTP against the production build, started as
 * `npm start` starts it (scripts/spawn-app.ts: `next start` on a free loopback port and a jobs
 * worker process beside it), on a fresh database, RATE_LIMITS=off, LOG_LEVEL=warn. One event of
 * --capacity seats (2,000), --buyers verified buyers (200) with access tokens, --concurrency
 * clients (50) booking one seat per request until SOLD_OUT; --rounds sales (1), each after a
 * framework-floor burst (GET /api/info) and once the previous sale's jobs are done, after one
 * smaller warm-up sale. Then the aftermath of the last sale: seconds until every confirmation is
 * in the mailbox and analytics agree with the bookings (drain rate against the sale's seat rate),
 * the verification-code latency of 20 sign-ups made meanwhile, GET /api/info's rate during the
 * drain against idle, and the worker process's CPU per booking (from /proc). Also the Postgres
 * floor (the bare conditional seat update on one row from 50 connections).
 *
 * The booking sales are of a free event (confirmed at once, as bookings always were). Beside
 * the last one, the same sale runs through `POST /api/v1/orders` on a paid event (every order
 * holds its seats awaiting payment): once with one ticket type, once with three in overlapping
 * quotas (two of half the capacity, one sharing the event's), each request one ticket of the
 * next type; their seat rates are given against the booking sale's, and each type and the event
 * are checked for overselling.
 *
 * --worker=off: no worker during the sales; one starts when the last sale ends (its aftermath
 * then includes the worker's start-up). --compare: with the worker on, one more sale with the
 * worker process stopped first, and the ratio of the two seat rates. The load generator shares
 * the machine: read the figures as ratios. BENCH_APP_NODE_OPTIONS passes Node flags to the app.
 */
const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const arg = (name: string, fallback: number) => Number(option(name) ?? fallback);
const CAPACITY = arg("capacity", 2000);
const BUYERS = arg("buyers", 200);
const CONCURRENCY = arg("concurrency", 50);
const ROUNDS = Math.max(1, arg("rounds", 1));
const TIMEOUT_S = arg("timeout", 60);
const AFTERMATH_TIMEOUT_S = arg("aftermath-timeout", 300);
const WORKER_ON = (option("worker") ?? "on") !== "off";
const COMPARE = process.argv.includes("--compare") && WORKER_ON;
/** Clients on GET /api/info while measuring the drain and idle alike. */
const INFO_CONCURRENCY = 10;
const IDLE_MS = 5_000;
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
  const { waitForQuietJobs } = await import("../tests/scale/support/sale");

  say(`seeding ${BUYERS} verified buyers with access tokens and ${ROUNDS + (COMPARE ? 3 : 2)} events…`);
  const organizer = await createTestUser({ role: "organizer" });
  const tokens: string[] = [];
  for (let i = 0; i < BUYERS; i++) tokens.push((await createTestTokens()).accessToken);
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
  const newEvent = async (capacity: number, priceCents = 0) => {
    const input = { title: "Flash sale", venue: "Bench Hall", category: "music", startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(), capacity, priceCents, currency: "EUR", perUserLimit: 10 };
    const draft = await createEvent({ ctx: testCtx(organizer.actor), input });
    return (await publishEvent({ ctx: testCtx(organizer.actor), input: { id: draft.id } })).id;
  };
  // A warm-up sale: V8 keeps optimizing the booking path well past the first requests.
  const warmEvent = await newEvent(Math.min(CAPACITY, 1000, BUYERS * 10));
  const offEvent = COMPARE ? await newEvent(CAPACITY) : null;
  const saleEvents: string[] = [];
  for (let r = 0; r < ROUNDS; r++) saleEvents.push(await newEvent(CAPACITY));
  const floorEvent = await newEvent(1_000_000);
  const { ticketTypes } = await import("../lib/domain/bookings/schema");
  const { eq } = await import("drizzle-orm");
  /** A paid event's ticket types for the order sales: General admission alone, or with two more in overlapping quotas. */
  const orderEvent = async (types: 1 | 3) => {
    const eventId = await newEvent(CAPACITY, 4500);
    const [ga] = await getDb().select({ id: ticketTypes.id }).from(ticketTypes).where(eq(ticketTypes.eventId, eventId));
    if (types === 1) return { eventId, typeIds: [ga!.id] };
    await getDb().update(ticketTypes).set({ capacity: Math.ceil(CAPACITY / 2) }).where(eq(ticketTypes.id, ga!.id));
    const extra = await getDb()
      .insert(ticketTypes)
      .values([
        { eventId, name: "Balcony", priceCents: 3000, capacity: Math.ceil(CAPACITY / 2), position: 1 },
        { eventId, name: "Standing", priceCents: 2000, capacity: null, position: 2 },
      ])
      .returning({ id: ticketTypes.id });
    return { eventId, typeIds: [ga!.id, ...extra.map((t) => t.id)] };
  };
  const orderEvents = [await orderEvent(1), await orderEvent(3)];

  say("ensuring a production build (next build when missing)…");
  ensureProductionBuild();
  const appEnv = { DATABASE_URL: database.url, AUTH_SECRET: process.env.AUTH_SECRET, RATE_LIMITS: "off", LOG_LEVEL: "warn", NODE_OPTIONS: process.env.BENCH_APP_NODE_OPTIONS };
  const app = await startApp({ jobs: WORKER_ON ? "separate" : "off", env: appEnv });
  let worker: WorkerProcess | null = app.worker;
  const ensureWorker = () => (worker ??= startWorker({ port: app.port, env: appEnv }));
  const stopWorker = async () => {
    await worker?.stop("SIGTERM");
    worker = null;
  };
  const quiet = () => waitForQuietJobs(AFTERMATH_TIMEOUT_S * 1000);

  const appCpu = () => cpuMsOf((pid) => pid === app.pid);
  const workerCpu = () => (worker ? cpuMsOf((pid) => pid === worker!.pid) : 0);
  const embeddedDir = database.embedded?.dataDir;
  const pgCpu = () => (embeddedDir ? cpuMsOf((_, cmd) => cmd.includes(embeddedDir)) : Number.NaN);
  const genCpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  /** CPU ms per request of the web process, Postgres and this generator while `work` runs. */
  async function measured<T extends { count: number }>(work: () => Promise<T>) {
    const before = [appCpu(), pgCpu(), genCpu()];
    const result = await work();
    const after = [appCpu(), pgCpu(), genCpu()];
    const per = after.map((a, i) => (a - before[i]!) / result.count);
    return { ...result, cpu: { app: per[0]!, pg: per[1]!, gen: per[2]! } };
  }
  const cpuText = (c: { app: number; pg: number; gen: number }) =>
    `CPU/request web ${c.app.toFixed(2)} ms${Number.isNaN(c.pg) ? "" : `, postgres ${c.pg.toFixed(2)} ms`}, generator ${c.gen.toFixed(2)} ms`;

  try {
    const request = client(app.url, CONCURRENCY);
    const sale = (eventId: string) => flashSale(request, { eventId, tokens, concurrency: CONCURRENCY, timeoutMs: TIMEOUT_S * 1000 });
    const floor = () => hammer(Math.min(CAPACITY, 2000), CONCURRENCY, () => request("GET", "/api/info"));
    say(`app on ${app.url}, jobs worker ${WORKER_ON ? `process ${worker!.pid}` : "off during the sales"}; warming up…`);
    ensureWorker();
    await floor();
    await sale(warmEvent);
    await quiet();

    let offSale: Awaited<ReturnType<typeof sale>> | null = null;
    if (offEvent) {
      await stopWorker();
      offSale = await sale(offEvent);
      ensureWorker();
      await quiet();
    }
    if (!WORKER_ON) await stopWorker();

    // Floor and sale alternate, so the box's other load hits both alike; ratios are per round.
    const rounds = [];
    let workerCpuBefore = 0;
    for (const [i, eventId] of saleEvents.entries()) {
      if (i > 0 && WORKER_ON) await quiet();
      const f = await measured(floor);
      if (!f.ok) throw new Error("the framework floor route did not answer 200");
      if (i === saleEvents.length - 1) workerCpuBefore = workerCpu();
      const s = await measured(() => sale(eventId));
      rounds.push({ eventId, floor: f, sale: s });
    }
    // The order path, right after the last booking sale (worker as for the sales): one type, then three.
    const orderRuns = [];
    for (const e of orderEvents) {
      if (WORKER_ON) await quiet();
      orderRuns.push({ ...e, sale: await measured(() => orderSale(request, { ...e, tokens, concurrency: CONCURRENCY, timeoutMs: TIMEOUT_S * 1000 })) });
    }
    const last = rounds.at(-1)!;
    if (!WORKER_ON) workerCpuBefore = 0;
    const drainingWorker = ensureWorker();
    const aftermath = await measureAftermath({ sql: getDb().$client, baseUrl: app.url, eventId: last.eventId, infoConcurrency: INFO_CONCURRENCY, timeoutMs: AFTERMATH_TIMEOUT_S * 1000 });
    const jobCpuMs = cpuMsOf((pid) => pid === drainingWorker.pid) - workerCpuBefore;
    await quiet();
    const info = client(app.url, INFO_CONCURRENCY);
    const idleUntil = performance.now() + IDLE_MS;
    const idle = await hammerUntil(() => performance.now() > idleUntil, INFO_CONCURRENCY, () => info("GET", "/api/info"));
    const pg = await postgresFloor(database.url, { eventId: floorEvent, total: 20_000, connections: CONCURRENCY });

    const db = getDb();
    say();
    say(`flash sale: ${CAPACITY} seats, ${BUYERS} buyers, ${CONCURRENCY} concurrent clients, 1 seat per request; jobs worker ${WORKER_ON ? "on (a separate process)" : "off during the sale"}; ${rounds.length} round(s), each after a framework-floor burst`);
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
    for (const run of orderRuns) {
      const types = await db.$client<{ id: string; capacity: number | null; sold: number; items: number }[]>`
        select t.id, t.capacity, t.sold, (select count(*)::int from bookings.booking_items i join bookings.bookings b on b.id = i.booking_id
                                           where i.ticket_type_id = t.id and b.status in ('confirmed', 'awaiting_payment')) as items
          from bookings.ticket_types t where t.event_id = ${run.eventId}`;
      const [inv] = await db.$client<{ capacity: number; sold: number }[]>`select capacity, sold from bookings.event_inventory where event_id = ${run.eventId}`;
      const items = types.reduce((n, t) => n + t.items, 0);
      const oversold = types.filter((t) => t.items !== t.sold || (t.capacity !== null && t.sold > t.capacity));
      if (oversold.length > 0 || items !== inv!.sold || inv!.sold !== inv!.capacity || run.sale.sold !== inv!.capacity) throw new Error(`order sale (${run.typeIds.length} types): seats held do not match capacity`);
      say(`  orders, ${run.typeIds.length} type(s), paid (each awaiting payment): ${items} of ${inv!.capacity} seats held, oversold 0 for every type and the event (${types.map((t) => `${t.sold}/${t.capacity ?? "shared"}`).join(", ")}), ${run.sale.count - run.sale.sold} SOLD_OUT answers`);
      say(`    sale   ${run.sale.seatsPerSecond.toFixed(0).padStart(5)} seats/s, p50 ${run.sale.p50.toFixed(1)} ms, p99 ${run.sale.p99.toFixed(1)} ms; ${cpuText(run.sale.cpu)}`);
      say(`    order / booking seat rate (last round) = ${(run.sale.seatsPerSecond / last.sale.seatsPerSecond).toFixed(2)}×`);
    }
    const median = <T>(xs: T[], key: (x: T) => number) => [...xs].sort((a, b) => key(a) - key(b))[Math.floor(xs.length / 2)]!;
    const mid = median(rounds, (r) => r.sale.seatsPerSecond / r.floor.rps);
    say(`postgres floor (bare conditional update, one row, ${CONCURRENCY} connections): ${pg.ups.toFixed(0)} updates/s, p50 ${pg.p50.toFixed(2)} ms, p99 ${pg.p99.toFixed(2)} ms`);
    say(
      `median round: ${mid.sale.seatsPerSecond.toFixed(0)} seats/s (p50 ${mid.sale.p50.toFixed(1)} ms, p99 ${mid.sale.p99.toFixed(1)} ms) = ` +
        `${((100 * mid.sale.seatsPerSecond) / mid.floor.rps).toFixed(0)} % of the framework floor (${mid.floor.rps.toFixed(0)} req/s), ` +
        `${((100 * mid.sale.seatsPerSecond) / pg.ups).toFixed(0)} % of the postgres floor (${pg.ups.toFixed(0)} updates/s)`,
    );
    if (offSale) {
      say(`worker on vs off: ${last.sale.seatsPerSecond.toFixed(0)} vs ${offSale.seatsPerSecond.toFixed(0)} seats/s (p99 ${last.sale.p99.toFixed(1)} vs ${offSale.p99.toFixed(1)} ms) = ${(last.sale.seatsPerSecond / offSale.seatsPerSecond).toFixed(2)}×`);
    }
    say();
    say(`aftermath of the last sale (${aftermath.bookings} bookings${WORKER_ON ? "" : "; the worker started when the sale ended"}):`);
    say(
      aftermath.drained
        ? `  every confirmation in the mailbox and analytics in agreement ${aftermath.seconds.toFixed(1)} s after the sale: ` +
            `${(aftermath.bookings / aftermath.seconds).toFixed(0)} bookings/s = ${(aftermath.bookings / aftermath.seconds / last.sale.seatsPerSecond).toFixed(2)}× the sale's seat rate`
        : `  NOT drained within ${AFTERMATH_TIMEOUT_S} s`,
    );
    say(`  verification codes for 20 sign-ups made meanwhile: ${aftermath.codes.received} received, p50 ${aftermath.codes.p50.toFixed(2)} s, p99 ${aftermath.codes.p99.toFixed(2)} s`);
    say(`  GET /api/info (${INFO_CONCURRENCY} clients) during the drain ${aftermath.info.rps.toFixed(0)} req/s (p99 ${aftermath.info.p99.toFixed(1)} ms) vs idle ${idle.rps.toFixed(0)} req/s (p99 ${idle.p99.toFixed(1)} ms) = ${(aftermath.info.rps / idle.rps).toFixed(2)}×`);
    say(`  jobs worker CPU: ${(jobCpuMs / aftermath.bookings).toFixed(2)} ms per booking (${(jobCpuMs / 1000).toFixed(1)} s over the sale and its aftermath${WORKER_ON ? "" : ", start-up included"})`);
  } finally {
    await stopWorker();
    await app.stop("SIGTERM");
    await closeDb();
    await database.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
