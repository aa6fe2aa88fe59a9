import { eq, sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { cancelEventBookingsOnCancel } from "@/inngest/functions/cancel-event-bookings";
import { createDb, getDb } from "@/lib/db/client";
import { createTestUser } from "@/lib/domain/auth/test-fixtures";
import { cancelEvent } from "@/lib/domain/events";
import { publishedEvent } from "@/lib/domain/events/event-fixtures";
import { drainJobs } from "@/lib/jobs/drain";
import { jobRuns, outbox } from "@/lib/jobs/schema";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { cancelBooking } from "./cancel-booking";
import { cancelEventBookings } from "./cancel-event-bookings";
import { auditLog, bookings, eventInventory } from "./schema";
import { untilASessionWaitsForALock } from "./test-fixtures";

const racers = createDb(process.env.DATABASE_URL!, { max: 4 });
afterAll(() => racers.$client.end());

/** A published event with `count` one-seat bookings by distinct users, made in bulk. */
async function eventWithBookings(count: number) {
  const organizer = await createTestUser({ role: "organizer" });
  // Priced as the bookings inserted below are (1000 EUR cents each).
  const event = await publishedEvent(organizer.actor, { capacity: count, priceCents: 1000, currency: "EUR" });
  await getDb().execute(sql`
    with made as (
      insert into bookings.bookings (event_id, user_id, quantity, status, subtotal_cents, total_cents, currency, source)
      select ${event.id}::uuid, gen_random_uuid(), 1, 'confirmed', 1000, 1000, 'EUR', 'direct' from generate_series(1, ${count}::int)
      returning user_id
    )
    insert into bookings.seat_holdings (event_id, user_id, seats, seat_limit) select ${event.id}::uuid, user_id, 1, 10 from made`);
  await getDb().update(eventInventory).set({ sold: count }).where(eq(eventInventory.eventId, event.id));
  return { event, organizer };
}

async function cancellationFacts(eventId: string) {
  const rows = await getDb()
    .select({ bookingId: sql<string>`${outbox.data}->>'bookingId'` })
    .from(outbox)
    .where(sql`${outbox.name} = 'booking.cancelled' and ${outbox.data}->>'eventId' = ${eventId}`);
  return rows.map((r) => r.bookingId);
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("the event-cancelled cascade", () => {
  beforeEach(resetDatabase);

  /** Runs the cascade while `hold` keeps a transaction open on a booking; lets go once the cascade waits. */
  async function cascadeMeetingLock(eventId: string, hold: (tx: Parameters<Parameters<typeof racers.transaction>[0]>[0]) => Promise<unknown>) {
    const release = deferred();
    const holding = deferred();
    const holder = racers.transaction(async (tx) => {
      await hold(tx);
      holding.resolve();
      await release.promise;
    });
    await holding.promise;
    const cascade = cancelEventBookings({ ctx: testCtx({ type: "system" }, { db: racers }), input: { eventId, batchSize: 4 } });
    try {
      await untilASessionWaitsForALock();
    } finally {
      release.resolve();
      await holder;
    }
    return cascade;
  }

  it("waits for a booking another transaction holds instead of skipping it, and cancels it", async () => {
    const { event, organizer } = await eventWithBookings(10);
    await cancelEvent({ ctx: testCtx(organizer.actor), input: { id: event.id } });
    const [held] = await getDb().select().from(bookings).where(eq(bookings.eventId, event.id)).limit(1);
    const result = await cascadeMeetingLock(event.id, (tx) => tx.select().from(bookings).where(eq(bookings.id, held!.id)).for("update"));
    expect(result).toEqual({ cancelled: 10, done: true });
    const rows = await getDb().select().from(bookings).where(eq(bookings.eventId, event.id));
    expect(rows.filter((b) => b.status !== "cancelled")).toEqual([]);
    expect(rows.find((b) => b.id === held!.id)).toMatchObject({ cancelledBy: "event_cancelled", version: 2 });
    expect((await cancellationFacts(event.id)).sort()).toEqual(rows.map((b) => b.id).sort());
    expect(await getDb().select().from(eventInventory).where(eq(eventInventory.eventId, event.id))).toEqual([expect.objectContaining({ sold: 0, held: 0 })]);
  });

  it("leaves a booking cancelled by its holder's racing transaction alone: one cancellation, one fact", async () => {
    const { event, organizer } = await eventWithBookings(10);
    await cancelEvent({ ctx: testCtx(organizer.actor), input: { id: event.id } });
    const [raced] = await getDb().select().from(bookings).where(eq(bookings.eventId, event.id)).limit(1);
    const result = await cascadeMeetingLock(event.id, (tx) => cancelBooking({ ctx: testCtx({ type: "system" }, { db: tx }), input: { id: raced!.id } }));
    expect(result).toEqual({ cancelled: 9, done: true });
    const rows = await getDb().select().from(bookings).where(eq(bookings.eventId, event.id));
    expect(rows.filter((b) => b.status !== "cancelled")).toEqual([]);
    expect(rows.find((b) => b.id === raced!.id)).toMatchObject({ cancelledBy: "admin", version: 2 });
    expect((await cancellationFacts(event.id)).sort()).toEqual(rows.map((b) => b.id).sort());
    expect(await getDb().select().from(eventInventory).where(eq(eventInventory.eventId, event.id))).toEqual([expect.objectContaining({ sold: 0, held: 0 })]);
  });

  it("cancels 6,000 bookings in a run of five steps, each booking once with one fact and one audit row", async () => {
    const count = 6_000;
    const { event, organizer } = await eventWithBookings(count);
    await cancelEvent({ ctx: testCtx(organizer.actor), input: { id: event.id } });
    await drainJobs({ db: getDb(), functions: [cancelEventBookingsOnCancel], timeoutMs: 120_000 });

    const [run] = await getDb().select().from(jobRuns).where(sql`${jobRuns.functionId} like '%cancel-event-bookings'`);
    expect(run!.status).toBe("completed");
    // 2,500 bookings per step: three steps of cancellations, one finding no paid order to refund, then closing the waitlist.
    expect(Object.keys(run!.steps)).toHaveLength(5);
    const [left] = await getDb().select({ n: sql<number>`count(*)::int` }).from(bookings).where(sql`${bookings.eventId} = ${event.id} and ${bookings.status} = 'confirmed'`);
    expect(left!.n).toBe(0);
    const facts = await cancellationFacts(event.id);
    expect(facts).toHaveLength(count);
    expect(new Set(facts).size).toBe(count);
    expect(await getDb().$count(auditLog, eq(auditLog.action, "booking.cancelled"))).toBe(count);
    expect(await getDb().$count(bookings, sql`${bookings.eventId} = ${event.id} and ${bookings.version} = 2`)).toBe(count);
    const [inv] = await getDb().select().from(eventInventory).where(eq(eventInventory.eventId, event.id));
    expect(inv).toMatchObject({ sold: 0, held: 0, status: "cancelled" });
  });
});
