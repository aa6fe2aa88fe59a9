import { randomBytes } from "node:crypto";
import { availableParallelism, loadavg } from "node:os";
import { runMigrations } from "../lib/db/migrate";
import { ensureProductionBuild, startApp } from "../tests/scale/support/app-server";
import { freshLocalDatabase } from "./fresh-local-database";
import { client, cpuMsOf, hammer } from "./bench-booking/load";
import { seedDoorNight } from "./bench-checkin/seed";
import { latencyByOutcome, planScans, runDoors, scanner } from "./bench-checkin/scanners";

/**
 * `npm run bench:checkin`: the doors of one event over HTTP against the production build,
 * started as `npm start` starts it (`next start` on a free loopback port and a jobs worker
 * process beside it), on a fresh database, RATE_LIMITS=off, LOG_LEVEL=warn. One free event of
 * --tickets tickets (3,000) across two ticket types, bought in orders of 10 (every 50th order
 * cancelled); --scanners check-in staff members of its organization (20), each signed in with
 * an access token, each scanning its own share of the tickets through
 * `POST /api/v1/events/:id/check-ins`, plus 10 % second scans of tickets another door has
 * (ALREADY_CHECKED_IN), 5 % unknown codes (TICKET_NOT_FOUND) and the cancelled orders' tickets
 * (TICKET_NOT_VALID), all doors at once, each one scan at a time: back to back by default (a
 * stress test whose latency is mostly queueing on this box), or one scan per --pace ms per door
 * (`--pace=1000`: twenty doors admitting a person a second each). A warm-up of unknown codes
 * runs first (V8 and the route's first compile), outside the figures.
 *
 * Prints p50/p95/p99/max latency per outcome, scans/s, CPU per scan (web process, Postgres when
 * embedded, this generator) against the framework floor measured just before (GET /api/info), the jobs backlog when the doors close and how long it took to
 * drain, and the correctness check: every outcome as planned, each valid ticket in exactly
 * once with one `checkin.created` fact, and the stats route agreeing. The load generator shares
 * the machine: the load average is printed beside the figures.
 */
const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const TICKETS = Number(option("tickets") ?? 3000);
const SCANNERS = Number(option("scanners") ?? 20);
/** 0: every door scans again the moment it has an answer (a stress test); else ms between a door's scans. */
const PACE_MS = Number(option("pace") ?? 0);
const WARM_UP_SCANS = 400;
const DRAIN_TIMEOUT_MS = 120_000;
const DB_NAME = "evently_bench_checkin";

const say = (line = "") => process.stdout.write(`${line}\n`);
const ms = (x: number) => x.toFixed(1).padStart(7);

async function main() {
  const database = await freshLocalDatabase({ name: DB_NAME, dataDir: ".data/bench-checkin" });
  await runMigrations(database.url);
  process.env.DATABASE_URL = database.url;
  process.env.LOG_LEVEL = "warn";
  process.env.RATE_LIMITS = "off";
  // The app must verify the tokens this process signs: one secret for both.
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  const { getDb, closeDb } = await import("../lib/db/client");
  const { waitForQuietJobs } = await import("../tests/scale/support/sale");

  say(`seeding one event with ${TICKETS} tickets in two types and ${SCANNERS} check-in staff with access tokens…`);
  const night = await seedDoorNight({ tickets: TICKETS, scanners: SCANNERS });
  const plan = planScans({ validCodes: night.validCodes, cancelledCodes: night.cancelledCodes, scanners: SCANNERS, duplicateShare: 0.1, unknownShare: 0.05 });

  say("ensuring a production build (next build when missing)…");
  ensureProductionBuild();
  const app = await startApp({ env: { DATABASE_URL: database.url, AUTH_SECRET: process.env.AUTH_SECRET, RATE_LIMITS: "off", LOG_LEVEL: "warn" } });
  const sql = getDb().$client;
  try {
    const scan = scanner(app.url, night.eventId, SCANNERS);
    say(`app on ${app.url}, jobs worker process ${app.worker?.pid}; warming up…`);
    const warmUp = Array.from({ length: SCANNERS }, () => Array<string>(Math.ceil(WARM_UP_SCANS / SCANNERS)).fill("0000000000000000000Z"));
    await runDoors(warmUp, night.scannerTokens, scan);
    await waitForQuietJobs(DRAIN_TIMEOUT_MS);

    const embeddedDir = database.embedded?.dataDir;
    const cpu = () => {
      const own = process.cpuUsage();
      return [cpuMsOf((pid) => pid === app.pid), embeddedDir ? cpuMsOf((_, cmd) => cmd.includes(embeddedDir)) : Number.NaN, (own.user + own.system) / 1000];
    };
    // The framework floor on the same box just before: a trivial route of the same build, as many clients.
    const floorBefore = cpu();
    const info = client(app.url, SCANNERS);
    const floor = await hammer(2000, SCANNERS, () => info("GET", "/api/info"));
    const floorCpu = cpu().map((a, i) => (a - floorBefore[i]!) / floor.count);
    const load = loadavg()[0]!;
    const before = cpu();
    const { scans, seconds } = await runDoors(plan.queues, night.scannerTokens, scan, PACE_MS);
    const after = cpu();
    const doorsClosed = performance.now();
    const [backlog] = await sql<{ facts: number; runs: number }[]>`
      select (select count(*) from platform.outbox where dispatched_at is null)::int as facts,
             (select count(*) from platform.job_runs where status = 'running' or (status = 'queued' and run_at <= now()))::int as runs`;
    await waitForQuietJobs(DRAIN_TIMEOUT_MS);
    const drainSeconds = (performance.now() - doorsClosed) / 1000;

    // Correctness: outcomes as planned, each valid ticket in once with one fact, stats agreeing.
    const counts: Record<string, number> = {};
    for (const s of scans) counts[s.outcome] = (counts[s.outcome] ?? 0) + 1;
    const [rows] = await sql<{ checkedIn: number; facts: number; factTickets: number; byScanners: number }[]>`
      select (select count(*) from bookings.booking_items i join bookings.bookings b on b.id = i.booking_id
               where b.event_id = ${night.eventId} and i.checked_in_at is not null)::int as "checkedIn",
             (select count(*) from platform.outbox where name = 'checkin.created' and data->>'eventId' = ${night.eventId})::int as facts,
             (select count(distinct data->>'ticketId') from platform.outbox where name = 'checkin.created' and data->>'eventId' = ${night.eventId})::int as "factTickets",
             (select count(distinct i.checked_in_by) from bookings.booking_items i join bookings.bookings b on b.id = i.booking_id
               where b.event_id = ${night.eventId} and i.checked_in_at is not null)::int as "byScanners"`;
    const statsRes = await fetch(`${app.url}/api/v1/events/${night.eventId}/check-ins/stats`, { headers: { authorization: `Bearer ${night.scannerTokens[0]}` } });
    const stats = (await statsRes.json()) as { checkedIn: number; tickets: number };
    const valid = night.validCodes.length;
    const problems = [
      ...Object.entries(plan.expected).filter(([k, n]) => (counts[k] ?? 0) !== n).map(([k, n]) => `${k}: ${counts[k] ?? 0} answers, ${n} planned`),
      ...Object.keys(counts).filter((k) => !(k in plan.expected)).map((k) => `unexpected answer ${k} × ${counts[k]}`),
      ...(rows!.checkedIn === valid ? [] : [`${rows!.checkedIn} tickets in, ${valid} valid`]),
      ...(rows!.facts === valid && rows!.factTickets === valid ? [] : [`${rows!.facts} checkin.created facts for ${rows!.factTickets} tickets, ${valid} valid`]),
      ...(stats.checkedIn === valid && stats.tickets === valid ? [] : [`stats say ${stats.checkedIn} in of ${stats.tickets}, ${valid} valid`]),
    ];

    const per = after.map((a, i) => (a - before[i]!) / scans.length);
    say();
    say(`check-in: ${TICKETS} tickets (${valid} valid, ${night.cancelledCodes.length} of cancelled orders) in ${night.typeNames.join(" and ")}, ${SCANNERS} scanners at once${PACE_MS > 0 ? `, each scanning every ${PACE_MS} ms` : ", each scanning again at once"}, ${scans.length} scans over HTTP; jobs worker on (a separate process)`);
    say(`  machine load average when the doors opened: ${load.toFixed(2)} (${availableParallelism()} cores, generator on the same box)`);
    say(`  ${"outcome".padEnd(20)} ${"scans".padStart(6)}     p50     p95     p99     max (ms)`);
    for (const l of latencyByOutcome(scans)) say(`  ${l.outcome.padEnd(20)} ${String(l.count).padStart(6)} ${ms(l.p50)} ${ms(l.p95)} ${ms(l.p99)} ${ms(l.max)}`);
    say(`  ${(scans.length / seconds).toFixed(0)} scans/s over ${seconds.toFixed(1)} s; CPU/scan web ${per[0]!.toFixed(2)} ms${Number.isNaN(per[1]!) ? "" : `, postgres ${per[1]!.toFixed(2)} ms`}, generator ${per[2]!.toFixed(2)} ms`);
    say(`  framework floor (GET /api/info, ${SCANNERS} clients, just before): ${floor.rps.toFixed(0)} req/s, p50 ${floor.p50.toFixed(1)} ms, p99 ${floor.p99.toFixed(1)} ms; CPU/request web ${floorCpu[0]!.toFixed(2)} ms`);
    say(`  jobs backlog when the doors closed: ${backlog!.facts} undispatched facts, ${backlog!.runs} runs due; quiet ${drainSeconds.toFixed(1)} s later`);
    say(
      problems.length === 0
        ? `  correct: each of ${valid} valid tickets in exactly once with one checkin.created fact (${rows!.byScanners} scanners let people in), every outcome as planned, stats ${stats.checkedIn}/${stats.tickets}`
        : `  WRONG: ${problems.join("; ")}`,
    );
    if (problems.length > 0) process.exitCode = 1;
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
