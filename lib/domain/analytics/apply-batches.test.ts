import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { createDb, getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { drainJobs } from "@/lib/jobs/drain";
import { emit } from "@/lib/jobs/emit";
import { createRunner } from "@/lib/jobs/runner";
import { jobRuns } from "@/lib/jobs/schema";
import { applyBookingFacts as applyBookingFactsFunction } from "@/inngest/functions/apply-booking-facts";
import { orderOnRecord } from "@/lib/domain/bookings/test-fixtures";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { applyBookingFacts } from "./apply-booking-facts";
import { applyWaitlistChanges } from "./apply-waitlist-change";
import { dailyStats, eventLog, eventStats } from "./schema";

const organizerId = randomUUID();

function confirmed(eventId: string, quantity = 2) {
  return {
    outboxId: randomUUID(),
    name: "booking.confirmed" as const,
    fact: {
      bookingId: randomUUID(),
      eventId,
      userId: randomUUID(),
      organizerId,
      quantity,
      totalCents: quantity * 1000,
      currency: "EUR",
      source: "direct" as const,
      confirmedAt: "2026-03-10T12:00:00.000Z",
    },
  };
}

function cancelledOf(booking: ReturnType<typeof confirmed>) {
  return {
    outboxId: randomUUID(),
    name: "booking.cancelled" as const,
    fact: { ...booking.fact, cancelledBy: "holder", cancelledAt: "2026-03-12T08:00:00.000Z" },
  };
}

/** The refund that goes with a paid order's cancellation: money leaves the figures only by a refund. */
async function refundOf(booking: ReturnType<typeof confirmed>) {
  const { bookingId, eventId, quantity, totalCents, currency } = booking.fact;
  await orderOnRecord({ orderId: bookingId, eventId, organizerId, quantity, totalCents, currency });
  return {
    outboxId: randomUUID(),
    name: "payment.refunded" as const,
    fact: { refundId: randomUUID(), orderId: bookingId, amountCents: totalCents, currency, returnsOrder: true, refundedAt: "2026-03-12T08:00:00.000Z", ofSale: true },
  };
}

async function aggregates(eventIds: string[]) {
  const db = getDb();
  return {
    stats: await db.select().from(eventStats).where(inArray(eventStats.eventId, eventIds)).orderBy(eventStats.eventId),
    daily: await db.select().from(dailyStats).where(inArray(dailyStats.eventId, eventIds)).orderBy(dailyStats.eventId, dailyStats.date),
  };
}

/** Counters only: `updated_at` says when a row last changed, which a repeat may touch. */
const counters = (a: Awaited<ReturnType<typeof aggregates>>) => ({ ...a, stats: a.stats.map(({ updatedAt: _at, ...row }) => row) });

describe("applying analytics facts in batches", () => {
  beforeEach(resetDatabase);

  it("applies a batch in one go, netting a confirmation and its refunded cancellation, per event and per day", async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const first = confirmed(a, 3);
    const facts = [first, confirmed(a, 1), confirmed(b, 2), cancelledOf(first), await refundOf(first)];

    expect(await applyBookingFacts({ ctx: testCtx(), input: { facts } })).toEqual({ applied: 5 });

    const { stats, daily } = await aggregates([a, b]);
    expect(stats.find((s) => s.eventId === a)).toMatchObject({ seatsSold: 1, bookingsConfirmed: 1, bookingsCancelled: 1, grossCents: 4000, refundsCents: 3000, revenueCents: 1000 });
    expect(stats.find((s) => s.eventId === b)).toMatchObject({ seatsSold: 2, bookingsConfirmed: 1, bookingsCancelled: 0, grossCents: 2000, refundsCents: 0, revenueCents: 2000 });
    expect(daily.filter((d) => d.eventId === a)).toMatchObject([
      { date: "2026-03-10", currency: "EUR", bookings: 2, seatsSold: 4, revenueCents: 4000, cancellations: 0, refundsCents: 0 },
      { date: "2026-03-12", currency: "EUR", bookings: 0, seatsSold: 0, cancellations: 1, seatsCancelled: 3, revenueCancelledCents: 3000, refundsCents: 3000 },
    ]);
  });

  it("changes the aggregates once when one batch is applied again and by eight racing connections", async () => {
    const eventIds = [randomUUID(), randomUUID(), randomUUID()];
    const facts = Array.from({ length: 30 }, (_, i) => confirmed(eventIds[i % 3]!, (i % 4) + 1));
    const pools = Array.from({ length: 8 }, () => createDb(env.DATABASE_URL!, { max: 1 }));
    try {
      const raced = await Promise.all(pools.map((db) => applyBookingFacts({ ctx: testCtx(undefined, { db }), input: { facts } })));
      expect(raced.reduce((sum, r) => sum + r.applied, 0)).toBe(30);
    } finally {
      await Promise.all(pools.map((db) => db.$client.end()));
    }
    const once = await aggregates(eventIds);

    expect(await applyBookingFacts({ ctx: testCtx(), input: { facts } })).toEqual({ applied: 0 });

    expect(counters(await aggregates(eventIds))).toEqual(counters(once));
    expect(once.stats.map((s) => s.bookingsConfirmed)).toEqual([10, 10, 10]);
    expect(once.stats.reduce((sum, s) => sum + s.seatsSold, 0)).toBe(73);
  });

  it("applies only the facts of a batch that were not applied before", async () => {
    const eventId = randomUUID();
    const facts = Array.from({ length: 10 }, () => confirmed(eventId, 1));
    await applyBookingFacts({ ctx: testCtx(), input: { facts: facts.slice(0, 4) } });

    expect(await applyBookingFacts({ ctx: testCtx(), input: { facts } })).toEqual({ applied: 6 });

    expect((await aggregates([eventId])).stats).toMatchObject([{ seatsSold: 10, bookingsConfirmed: 10, revenueCents: 10_000 }]);
    expect(await getDb().$count(eventLog, eq(eventLog.eventId, eventId))).toBe(10);
  });

  it("counts a fact listed twice in one batch once", async () => {
    const eventId = randomUUID();
    const joined = { outboxId: randomUUID(), name: "waitlist.joined" as const, fact: { eventId } };
    expect(await applyWaitlistChanges({ ctx: testCtx(), input: { facts: [joined, joined] } })).toEqual({ applied: 1 });
    expect((await aggregates([eventId])).stats).toMatchObject([{ waitlistWaiting: 1 }]);
  });

  it("changes nothing twice when a batch run is taken over after its worker applied it and lost its lease", async () => {
    const db = getDb();
    const eventId = randomUUID();
    await db.transaction(async (tx) => {
      for (let i = 0; i < 12; i++) {
        await emit(tx, { name: "booking.confirmed", data: confirmed(eventId, 1).fact, requestId: randomUUID() });
      }
    });
    // The batch times out (1 s) and becomes one run of the twelve facts.
    const stalled = createRunner({ db, functions: [applyBookingFactsFunction] });
    await stalled.dispatch();
    await new Promise((r) => setTimeout(r, 1_100));
    await stalled.dispatch();
    const run = (await stalled.claim())!;
    expect(run.events).toHaveLength(12);
    // This worker stalls: its lease goes to another before it writes the step's result.
    await db.update(jobRuns).set({ lockedBy: "another-worker" }).where(eq(jobRuns.id, run.id));
    expect(await stalled.execute(run)).toBe("lost");
    const afterFirst = await aggregates([eventId]);
    expect(afterFirst.stats).toMatchObject([{ seatsSold: 12, bookingsConfirmed: 12 }]);
    await db.update(jobRuns).set({ lockedBy: null, lockedUntil: null }).where(eq(jobRuns.id, run.id));

    await drainJobs({ db, functions: [applyBookingFactsFunction] });

    const [done] = await db.select().from(jobRuns).where(eq(jobRuns.id, run.id));
    expect(done).toMatchObject({ status: "completed", result: { applied: 0 } });
    expect(counters(await aggregates([eventId]))).toEqual(counters(afterFirst));
  });
});
