import { readFileSync, readdirSync } from "node:fs";
import { runMigrations } from "../lib/db/migrate";
import { ensureProductionBuild, startApp } from "../tests/scale/support/app-server";
import { freshLocalDatabase } from "./fresh-local-database";
import { createClient, runLoad, scenarios, type Recorder, type VirtualUser } from "./bench/load";

/**
 * `npm run bench`: a mixed load (browse, search, event detail, book, cancel) over HTTP against
 * the production build on a fresh local database, then req/s, p50/p99 per route, error rate and
 * the server's memory. Options: --duration=<s> (20), --concurrency=<n> (32), --events=<n> (40),
 * --users=<n> (64), --max-heap=<MB> (caps the server's V8 heap; none). Loopback only; the load
 * generator shares the machine, so read the figures as ratios between runs, not as capacity.
 */
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const DURATION_S = arg("duration", 20);
const CONCURRENCY = arg("concurrency", 32);
const EVENTS = arg("events", 40);
const USERS = arg("users", 64);
/** Caps the server's V8 heap (MB): a leak then ends in an out-of-memory crash instead of a big RSS. */
const MAX_HEAP_MB = arg("max-heap", 0);

const say = (line: string) => process.stdout.write(`${line}\n`);

/** Resident memory of the server process and its children, from /proc. */
function residentMb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let kb = 0;
  for (const stack = [pid]; stack.length > 0; ) {
    const p = stack.pop()!;
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      continue;
    }
    stack.push(...(children.get(p) ?? []));
  }
  return Math.round(kb / 1024);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

function report(recorder: Recorder, elapsedMs: number): { total: number; errors: number } {
  const seconds = elapsedMs / 1000;
  const rows = [["route", "requests", "req/s", "p50 ms", "p99 ms", "5xx/net", "answers"]];
  let total = 0;
  let errors = 0;
  for (const [route, stats] of recorder.routes) {
    const sorted = [...stats.latenciesMs].sort((a, b) => a - b);
    total += sorted.length;
    errors += stats.errors;
    const answers = [...stats.statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}:${n}`).join(" ");
    rows.push([route, String(sorted.length), (sorted.length / seconds).toFixed(0), percentile(sorted, 50).toFixed(1), percentile(sorted, 99).toFixed(1), String(stats.errors), answers]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows) say(row.map((cell, i) => (i === 0 || i === 6 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  "));
  return { total, errors };
}

async function main() {
  const database = await freshLocalDatabase({ name: "evently_bench", dataDir: ".data/bench" });
  await runMigrations(database.url);
  process.env.DATABASE_URL = database.url;
  process.env.LOG_LEVEL ??= "warn";
  const { seedBench, BENCH_PASSWORD } = await import("./bench/seed");
  const data = await seedBench({ events: EVENTS, attendees: USERS });

  say("ensuring a production build (next build when missing)…");
  ensureProductionBuild();
  const app = await startApp({
    env: {
      DATABASE_URL: database.url,
      REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379/15",
      RATE_LIMITS: "off",
      LOG_LEVEL: "error",
      NODE_OPTIONS: MAX_HEAP_MB > 0 ? `--max-old-space-size=${MAX_HEAP_MB}` : undefined,
    },
  });
  try {
    const request = createClient(app.url, CONCURRENCY);
    const users: VirtualUser[] = [];
    for (let i = 0; i < CONCURRENCY; i++) {
      const answer = await request("POST", "/api/v1/auth/token", { body: { email: data.emails[i % USERS], password: BENCH_PASSWORD } });
      if (answer.status !== 200) throw new Error(`token request failed: ${answer.status} ${answer.body}`);
      users.push({ token: (JSON.parse(answer.body) as { accessToken: string }).accessToken, bookings: [] });
    }
    const mix = scenarios(data);
    say(`warming up (3 s), then ${DURATION_S} s at ${CONCURRENCY} concurrent clients, ${EVENTS} events…`);
    await runLoad({ request, users, scenarios: mix, durationMs: 3_000 });

    const rssBefore = residentMb(app.pid);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, residentMb(app.pid))), 500);
    const { recorder, elapsedMs } = await runLoad({ request, users, scenarios: mix, durationMs: DURATION_S * 1000 });
    clearInterval(sampler);

    say("");
    const { total, errors } = report(recorder, elapsedMs);
    say("");
    say(`total ${total} requests in ${(elapsedMs / 1000).toFixed(1)} s = ${(total / (elapsedMs / 1000)).toFixed(0)} req/s; error rate (5xx + network) ${((100 * errors) / Math.max(1, total)).toFixed(2)} %`);
    say(`server RSS ${rssBefore} MB after warm-up, peak ${rssPeak} MB, now ${residentMb(app.pid)} MB`);
    const metrics = (await request("GET", "/api/metrics")).body;
    const gauge = (name: string) => Number(new RegExp(`^${name} (\\S+)`, "m").exec(metrics)?.[1] ?? NaN) / 1024 / 1024;
    say(`server V8 heap used ${gauge("nodejs_heap_size_used_bytes").toFixed(0)} MB of ${gauge("nodejs_heap_size_total_bytes").toFixed(0)} MB allocated`);
  } finally {
    await app.stop("SIGTERM");
    await database.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
