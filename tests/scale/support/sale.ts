import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { createTestTokens, createTestUser } from "@/lib/domain/auth/test-fixtures";
import { createEvent, publishEvent } from "@/lib/domain/events";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { ensureProductionBuild, startApp, type AppProcess } from "./app-server";

/**
 * A flash sale for the process tests, written straight into the test's database (which the app
 * processes share): an organizer's published event and verified buyers with access tokens.
 */

export type Buyer = { userId: string; email: string; token: string; key: string };
export type Sale = { eventId: string; buyers: Buyer[] };

export async function createSale({ capacity, buyers }: { capacity: number; buyers: number }): Promise<Sale> {
  const organizer = await createTestUser({ role: "organizer" });
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  const ctx = testCtx(organizer.actor);
  const event = await createEvent({
    ctx,
    input: {
      title: "Flash sale",
      venue: "Main hall",
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      capacity,
      // Free, so every booking is confirmed at once: these sales are about seats and jobs, not payment.
      priceCents: 0,
      currency: "EUR",
    },
  });
  await publishEvent({ ctx, input: { id: event.id } });
  const people = await Promise.all(Array.from({ length: buyers }, () => createTestTokens()));
  return {
    eventId: event.id,
    buyers: people.map((p) => ({ userId: p.userId, email: p.email, token: p.accessToken, key: randomUUID() })),
  };
}

/**
 * A fresh database holding a sale of `seats` seats for as many buyers, and the production build
 * serving it with no jobs worker: the test starts (and kills) workers itself.
 */
export async function startSaleWithoutWorker(seats: number): Promise<{ app: AppProcess; sale: Sale }> {
  ensureProductionBuild();
  await resetDatabase();
  const sale = await createSale({ capacity: seats, buyers: seats });
  const app = await startApp({ jobs: "off" });
  return { app, sale };
}

export type Answer = { status: number | "network"; body: Record<string, unknown> | null; contentType: string | null };

/** One booking request; a dropped connection (a killed server) is an answer too. */
export async function book(baseUrl: string, eventId: string, buyer: Buyer, quantity = 1): Promise<Answer> {
  try {
    const res = await fetch(`${baseUrl}/api/v1/events/${eventId}/bookings`, {
      method: "POST",
      headers: { authorization: `Bearer ${buyer.token}`, "content-type": "application/json", "idempotency-key": buyer.key },
      body: JSON.stringify({ quantity }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null, contentType: res.headers.get("content-type") };
  } catch {
    return { status: "network", body: null, contentType: null };
  }
}

/** The seats an app process says anyone can still book (exact on the detail route, per API.md). */
export async function seatsAvailable(baseUrl: string, eventId: string): Promise<number> {
  const res = await fetch(`${baseUrl}/api/v1/events/${eventId}`, { signal: AbortSignal.timeout(10_000) });
  return ((await res.json()) as { seatsAvailable: number }).seatsAvailable;
}

/** What the database says about the sale: the counter, the bookings and their tickets, per buyer. */
export async function ledger(eventId: string) {
  const db = getDb();
  const [inventory] = await db.execute<{ sold: number; held: number; capacity: number }>(
    sql`select sold, held, capacity from bookings.event_inventory where event_id = ${eventId}`,
  );
  const [bookings] = await db.execute<{ confirmed: number; seats: number; items: number; cancelled: number; users: number }>(sql`
    select (count(*) filter (where b.status = 'confirmed'))::int as confirmed,
           coalesce(sum(b.quantity) filter (where b.status = 'confirmed'), 0)::int as seats,
           (select count(*) from bookings.booking_items i join bookings.bookings x on x.id = i.booking_id
             where x.event_id = ${eventId} and x.status = 'confirmed')::int as items,
           (count(*) filter (where b.status = 'cancelled'))::int as cancelled,
           count(distinct b.user_id)::int as users
    from bookings.bookings b where b.event_id = ${eventId}`);
  return { ...inventory!, ...bookings! };
}

/** Mail rows whose dedupe key starts with `prefix` (e.g. order-confirmed:), by booking id. */
export async function mailsByBooking(prefix: string): Promise<Map<string, number>> {
  const rows = await getDb().execute<{ key: string; n: number }>(sql`
    select dedupe_key as key, count(*)::int as n from platform.mailbox
    where dedupe_key like ${`${prefix}%`} and sent_at is not null group by dedupe_key`);
  return new Map(rows.map((r) => [r.key.slice(prefix.length), r.n]));
}

/**
 * Waits until every outbox event is dispatched and no job run is due or running (a run asleep
 * until later, e.g. a reconciliation pause, does not count).
 */
export async function waitForQuietJobs(timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [pending] = await getDb().execute<{ events: number; runs: number }>(sql`
      select (select count(*) from platform.outbox where dispatched_at is null)::int as events,
             (select count(*) from platform.job_runs
               where status = 'running' or (status = 'queued' and run_at <= now()))::int as runs`);
    if (pending!.events === 0 && pending!.runs === 0) return;
    if (Date.now() > deadline) throw new Error(`jobs still pending after ${timeoutMs} ms: ${JSON.stringify(pending)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Bookings confirmed so far, once a jobs worker (the one in process `pid`, when given) is also
 * mid-run, else 0: the moment to cut a process.
 */
export async function confirmedWhileJobsRun(eventId: string, pid?: number): Promise<number> {
  const worker = pid === undefined ? "%" : `%:${pid}:%`;
  const [runs] = await getDb().execute<{ running: number }>(
    sql`select count(*)::int as running from platform.job_runs where status = 'running' and locked_by like ${worker}`,
  );
  return runs!.running > 0 ? (await ledger(eventId)).confirmed : 0;
}
