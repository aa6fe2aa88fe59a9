/**
 * Seeds 50,000 events into a scratch database (evently_explain, next to DATABASE_URL's) and
 * prints the real plans (EXPLAIN ANALYZE through auto_explain) of the queries the events use
 * cases run for browse, search, filters, paging and the organizer list, so every index claim
 * in lib/domain/events/schema.ts can be checked. Usage: npx tsx scripts/explain-events.ts
 */
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Db } from "../lib/db/client";
import { runMigrations } from "../lib/db/migrate";
import * as schema from "../lib/db/schema";
import type { Ctx } from "../lib/domain/context";
import { getEvent, listEvents, type ListEventsInput } from "../lib/domain/events";
import { env } from "../lib/env";
import { logger } from "../lib/log/logger";

const DATABASE = "evently_explain";
const EVENTS = 50_000;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function prepare(serverUrl: string): Promise<string> {
  const admin = postgres(withDatabase(serverUrl, "postgres"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${DATABASE} with (force)`);
  await admin.unsafe(`create database ${DATABASE}`);
  await admin.end();
  const url = withDatabase(serverUrl, DATABASE);
  await runMigrations(url);
  return url;
}

/** Two years of events around now (a quarter already over), 200 organizers, a few multi-day festivals. */
const SEED = `
insert into events.events (organizer_id, title, description, venue, category, starts_at, ends_at, capacity, price_cents, currency, status, published_at, cancelled_at)
select
  ('00000000-0000-4000-8000-' || lpad((g % 200)::text, 12, '0'))::uuid,
  (array['Jazz','Rock','Startup','Street Food','Wine','Yoga','Film','Poetry','Chess','Salsa','Rust','Data','Design','Comedy','Opera'])[1 + g % 15]
    || ' ' || (array['Night','Meetup','Festival','Workshop','Conference','Market','Tour','Talk','Session','Gala'])[1 + (g / 15) % 10] || ' #' || g,
  'An evening of ' || (array['live music','talks','tastings','practice','screenings','readings'])[1 + g % 6] || '. ' || d.words,
  (array['Blue Room','Harbour Hall','Tech Hub','City Park','Old Cinema','Riverside Loft','Main Square','Café Gallery'])[1 + g % 8] || ', ' ||
    (array['Lisbon','Porto','Berlin','Madrid','Paris','Vienna'])[1 + g % 6],
  case when g % 997 = 0 then 'chess' else (array['music','tech','business','arts','sports','food','community','other'])[1 + g % 8] end,
  s.starts_at,
  s.starts_at + case when g % 500 = 0 then interval '5 days' else make_interval(hours => 1 + g % 5) end,
  50 + g % 950,
  (g % 40) * 500,
  'EUR',
  st.status::events.event_status,
  case when st.status <> 'draft' then now() end,
  case when st.status = 'cancelled' then now() end
from generate_series(1, ${EVENTS}) g
cross join lateral (select date_trunc('minute', now() - interval '180 days' + (g * interval '1 day' * 720 / ${EVENTS})) as starts_at) s
-- A broad, skewed vocabulary (pseudo-words, a few common and many rare) as real descriptions have, so the planner's text statistics look like production's.
cross join lateral (
  select string_agg(
    (array['ka','lo','mi','ren','tas','vo','zu','pel','dor','fin','gra','hu','jo','ne','qui','sa','tem','ul','wi','yo'])[1 + floor(20 * power(random(), 2))::int] ||
    (array['ba','ce','di','fo','gu','ha','ji','ku','la','mo','nu','pa','ri','so','tu','ve','wa','xi','ya','ze'])[1 + floor(20 * random())::int] ||
    (array['','n','r','s','t','l','m','k','x','z'])[1 + floor(10 * power(random(), 3))::int], ' ')
  as words from generate_series(1, 12 + g % 7) where g > 0
) d
cross join lateral (select case when g % 20 = 0 then 'cancelled' when g % 7 = 0 then 'draft' else 'published' end as status) st;
analyze events.events;
`;

type Scenario = { name: string; input: ListEventsInput; actor?: Ctx["actor"] };

async function main() {
  if (!env.DATABASE_URL) throw new Error("Set DATABASE_URL to a local Postgres server (its database is not touched).");
  const url = await prepare(env.DATABASE_URL);
  const plans: string[] = [];
  const client = postgres(url, { max: 1, onnotice: (n) => plans.push(n.message ?? "") });
  const db = drizzle({ client, schema }) as unknown as Db;
  await client.unsafe(SEED);
  const [row] = await client<{ id: string; starts_at: string }[]>`
    select id, starts_at from events.events where status = 'published' and starts_at > now() order by starts_at offset 5000 limit 1`;
  const { id: someId, starts_at: middle } = row!;
  for (const setting of [
    "load 'auto_explain'",
    "set auto_explain.log_min_duration = 0",
    "set auto_explain.log_analyze = on",
    "set auto_explain.log_buffers = on",
    "set auto_explain.log_level = notice",
  ]) {
    await client.unsafe(setting);
  }

  const organizer = { type: "user", userId: "00000000-0000-4000-8000-000000000007", role: "organizer", emailVerified: true, sessionId: null } as const;
  const cursorPage = await db.transaction((tx) => listEvents({ ctx: ctxFor(tx, { type: "anonymous" }), input: { from: new Date(middle).toISOString(), limit: 20 } }));
  const scenarios: Scenario[] = [
    { name: "browse: upcoming, first page", input: {} },
    { name: "browse: a later page (keyset cursor)", input: { from: new Date(middle).toISOString(), cursor: cursorPage.nextCursor ?? undefined } },
    { name: "filter: category", input: { category: "food" } },
    { name: "filter: date range (one week)", input: { from: "2027-01-04", to: "2027-01-10" } },
    { name: "filter: rare category", input: { category: "chess" } },
    { name: "search: common word", input: { q: "jazz" } },
    { name: "search: rare term", input: { q: "41234" } },
    { name: "search: two words + category", input: { q: "jazz festival", category: "music" } },
    { name: "search: short prefix", input: { q: "sal" } },
    { name: "search: accents folded (cafe finds Café)", input: { q: "cafe" } },
    { name: "organizer: my events", input: { scope: "manage" }, actor: organizer },
    { name: "admin: all events", input: { scope: "manage" }, actor: { ...organizer, role: "admin" } },
  ];

  for (const scenario of scenarios) {
    plans.length = 0;
    const started = performance.now();
    const page = await db.transaction((tx) => listEvents({ ctx: ctxFor(tx, scenario.actor ?? { type: "anonymous" }), input: scenario.input }));
    print(scenario.name, `${page.data.length} events in ${(performance.now() - started).toFixed(1)} ms`, plans);
  }
  plans.length = 0;
  await db.transaction((tx) => getEvent({ ctx: ctxFor(tx, { type: "anonymous" }), input: { id: someId } }));
  print("detail: one event + exact seats", "", plans);
  await client.end();
}

function ctxFor(db: Db | Parameters<Parameters<Db["transaction"]>[0]>[0], actor: Ctx["actor"]): Ctx {
  return { actor, db, requestId: "explain", log: logger, now: () => new Date() };
}

function print(name: string, summary: string, plans: string[]) {
  console.log(`\n=== ${name} ${summary ? `(${summary})` : ""}`);
  for (const plan of plans) {
    const lines = plan.replace(/^duration: [\d.]+ ms\s+plan:\n/, "").trimEnd().split("\n");
    console.log(lines.map((line) => (line.length > 220 ? `${line.slice(0, 220)}…` : line)).join("\n"), "\n");
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
