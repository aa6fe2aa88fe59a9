import { randomUUID } from "node:crypto";
import type { Sql } from "postgres";
import { client, hammerUntil, percentile, type Request } from "./load";

/**
 * The aftermath of a sale, for scripts/bench-booking.ts: from the sale's last seat until every
 * confirmation is in the mailbox and analytics agree with the bookings. Meanwhile, 20 people sign
 * up (how long their verification code takes) and a steady load reads the trivial route
 * (GET /api/info) to see what the drain costs the web process.
 */

const SIGN_UPS = 20;
const SIGN_UP_EVERY_MS = 250;
const POLL_MS = 100;
/** The confirmation email's dedupe key is this prefix and the booking id. */
const CONFIRMATION_PREFIX = "booking-confirmed:";

export type Aftermath = {
  drained: boolean;
  seconds: number;
  bookings: number;
  codes: { received: number; p50: number; p99: number };
  info: { rps: number; p99: number };
};

/** Confirmations sent for the event's bookings, and whether analytics agree with the bookings tables. */
async function settled(sql: Sql, eventId: string) {
  const [row] = await sql<{ bookings: number; mailed: number; agree: boolean }[]>`
    select (select count(*)::int from bookings.bookings where event_id = ${eventId} and status = 'confirmed') as bookings,
           (select count(*)::int from bookings.bookings b join platform.mailbox m on m.dedupe_key = ${CONFIRMATION_PREFIX} || b.id::text
             where b.event_id = ${eventId} and m.sent_at is not null) as mailed,
           coalesce((select s.seats_sold = inv.sold
                       and s.bookings_confirmed = (select count(*) from bookings.bookings where event_id = ${eventId} and status = 'confirmed')
                     from analytics.event_stats s join bookings.event_inventory inv on inv.event_id = s.event_id
                     where s.event_id = ${eventId}), false) as agree`;
  return row!;
}

/** One sign-up; resolves with the epoch ms at which the app accepted it. */
async function signUp(request: Request, email: string): Promise<number> {
  const answer = await request("POST", "/api/v1/auth/register", { email, password: `bench-${randomUUID()}`, name: "Bench Sign-up" });
  if (answer.status !== 202) throw new Error(`sign-up answered ${answer.status}`);
  return Date.now();
}

/** Seconds from each accepted sign-up to its code in the mailbox (the database's clock is this machine's). */
async function codeLatencies(sql: Sql, accepted: Map<string, number>): Promise<number[]> {
  const rows = await sql<{ to_address: string; at: number }[]>`
    select to_address, extract(epoch from min(sent_at)) * 1000 as at from platform.mailbox
    where to_address in ${sql([...accepted.keys()])} and sent_at is not null group by to_address`;
  return rows.map((r) => (Number(r.at) - accepted.get(r.to_address)!) / 1000);
}

export async function measureAftermath(o: { sql: Sql; baseUrl: string; eventId: string; infoConcurrency: number; timeoutMs: number }): Promise<Aftermath> {
  const started = performance.now();
  const deadline = started + o.timeoutMs;
  let drained = false;
  let doneAt = 0;
  let bookings = 0;
  const over = () => drained || performance.now() > deadline;

  const infoClient = client(o.baseUrl, o.infoConcurrency);
  const signUpClient = client(o.baseUrl, 1);
  const info = hammerUntil(over, o.infoConcurrency, () => infoClient("GET", "/api/info"));
  const accepted = new Map<string, number>();
  const signUps = (async () => {
    for (let i = 0; i < SIGN_UPS && performance.now() < deadline; i++) {
      const email = `bench-${randomUUID()}@example.com`;
      accepted.set(email, await signUp(signUpClient, email));
      await new Promise((r) => setTimeout(r, SIGN_UP_EVERY_MS));
    }
  })();
  while (!over()) {
    const state = await settled(o.sql, o.eventId);
    bookings = state.bookings;
    if (state.mailed === state.bookings && state.agree) {
      drained = true;
      doneAt = performance.now();
      break;
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  const [load] = await Promise.all([info, signUps]);
  // The codes may trail the drain: give them until the deadline.
  let latencies = await codeLatencies(o.sql, accepted);
  while (latencies.length < accepted.size && performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, POLL_MS));
    latencies = await codeLatencies(o.sql, accepted);
  }
  return {
    drained,
    seconds: ((drained ? doneAt : performance.now()) - started) / 1000,
    bookings,
    codes: { received: latencies.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99) },
    info: { rps: load.rps, p99: load.p99 },
  };
}
