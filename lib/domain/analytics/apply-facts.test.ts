import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { applyBookingCancelled } from "./apply-booking-cancelled";
import { applyBookingConfirmed } from "./apply-booking-confirmed";
import { applyEventSnapshot } from "./apply-event-snapshot";
import { applyWaitlistChange } from "./apply-waitlist-change";
import { dailyStats, eventLog, eventStats } from "./schema";

const organizerId = randomUUID();

function confirmed(eventId: string, over: Partial<{ quantity: number; totalCents: number; confirmedAt: string }> = {}) {
  return {
    bookingId: randomUUID(),
    eventId,
    userId: randomUUID(),
    organizerId,
    quantity: 2,
    totalCents: 5000,
    currency: "EUR",
    source: "direct" as const,
    confirmedAt: "2026-03-10T12:00:00.000Z",
    ...over,
  };
}

function snapshot(eventId: string, version: number, title: string) {
  return {
    eventId,
    organizerId,
    title,
    venue: "Hall",
    category: "music",
    capacity: 100,
    priceCents: 2500,
    currency: "EUR",
    startsAt: "2026-04-01T18:00:00.000Z",
    endsAt: "2026-04-01T21:00:00.000Z",
    status: "published",
    version,
  };
}

async function statsOf(eventId: string) {
  const [row] = await getDb().select().from(eventStats).where(eq(eventStats.eventId, eventId));
  return row;
}

async function dailyOf(eventId: string) {
  return getDb().select().from(dailyStats).where(eq(dailyStats.eventId, eventId)).orderBy(dailyStats.date);
}

describe("applying domain facts to analytics", () => {
  beforeEach(resetDatabase);

  it("applies a booking.confirmed delivered twice only once", async () => {
    const ctx = testCtx();
    const eventId = randomUUID();
    const input = { outboxId: randomUUID(), fact: confirmed(eventId) };
    expect(await applyBookingConfirmed({ ctx, input })).toEqual({ applied: true });
    const after = { stats: await statsOf(eventId), daily: await dailyOf(eventId) };
    expect(await applyBookingConfirmed({ ctx, input })).toEqual({ applied: false });
    expect({ stats: await statsOf(eventId), daily: await dailyOf(eventId) }).toEqual(after);
    expect(after.stats).toMatchObject({ seatsSold: 2, bookingsConfirmed: 1, revenueCents: 5000, organizerId, currency: "EUR" });
  });

  it("applies one fact exactly once when 20 deliveries race on separate connections", async () => {
    const eventId = randomUUID();
    const input = { outboxId: randomUUID(), fact: confirmed(eventId, { quantity: 3, totalCents: 900 }) };
    const results = await Promise.all(Array.from({ length: 20 }, () => applyBookingConfirmed({ ctx: testCtx(), input })));
    expect(results.filter((r) => r.applied)).toHaveLength(1);
    expect(await statsOf(eventId)).toMatchObject({ seatsSold: 3, bookingsConfirmed: 1, revenueCents: 900 });
    expect(await dailyOf(eventId)).toMatchObject([{ bookings: 1, seatsSold: 3, revenueCents: 900 }]);
  });

  it("sums many distinct concurrent bookings on one event without losing an update", async () => {
    const eventId = randomUUID();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        applyBookingConfirmed({ ctx: testCtx(), input: { outboxId: randomUUID(), fact: confirmed(eventId, { quantity: (i % 4) + 1, totalCents: 100 }) } }),
      ),
    );
    expect(await statsOf(eventId)).toMatchObject({ seatsSold: 100, bookingsConfirmed: 40, revenueCents: 4000 });
  });

  it("subtracts a cancellation's seats from current totals and counts it on its own UTC day, once; its money stays until refunded", async () => {
    const ctx = testCtx();
    const eventId = randomUUID();
    const booking = confirmed(eventId);
    await applyBookingConfirmed({ ctx, input: { outboxId: randomUUID(), fact: booking } });
    const cancel = {
      outboxId: randomUUID(),
      fact: { ...booking, cancelledBy: "holder" as const, cancelledAt: "2026-03-12T08:00:00.000Z" },
    };
    await applyBookingCancelled({ ctx, input: cancel });
    await applyBookingCancelled({ ctx, input: cancel });
    expect(await statsOf(eventId)).toMatchObject({ seatsSold: 0, bookingsConfirmed: 0, bookingsCancelled: 1, grossCents: 5000, refundsCents: 0, revenueCents: 5000 });
    expect(await dailyOf(eventId)).toMatchObject([
      { date: "2026-03-10", bookings: 1, seatsSold: 2, revenueCents: 5000, cancellations: 0 },
      { date: "2026-03-12", bookings: 0, seatsSold: 0, revenueCents: 0, cancellations: 1, seatsCancelled: 2, revenueCancelledCents: 5000, refundsCents: 0 },
    ]);
  });

  it("puts bookings at 23:59:59Z and 00:00:01Z on two UTC days", async () => {
    const ctx = testCtx();
    const eventId = randomUUID();
    await applyBookingConfirmed({ ctx, input: { outboxId: randomUUID(), fact: confirmed(eventId, { confirmedAt: "2026-03-10T23:59:59Z" }) } });
    await applyBookingConfirmed({ ctx, input: { outboxId: randomUUID(), fact: confirmed(eventId, { confirmedAt: "2026-03-11T00:00:01Z" }) } });
    // An offset time is still bucketed by its UTC instant: 01:30 in Paris is 00:30Z the day before.
    await applyBookingConfirmed({ ctx, input: { outboxId: randomUUID(), fact: confirmed(eventId, { confirmedAt: "2026-03-12T00:30:00+01:00" }) } });
    expect((await dailyOf(eventId)).map((d) => [d.date, d.bookings])).toEqual([
      ["2026-03-10", 1],
      ["2026-03-11", 2],
    ]);
  });

  it("keeps the newest event snapshot when an older one arrives late, and never touches counters", async () => {
    const ctx = testCtx();
    const eventId = randomUUID();
    await applyBookingConfirmed({ ctx, input: { outboxId: randomUUID(), fact: confirmed(eventId) } });
    await applyEventSnapshot({ ctx, input: { outboxId: randomUUID(), name: "event.updated", fact: snapshot(eventId, 3, "New title") } });
    await applyEventSnapshot({ ctx, input: { outboxId: randomUUID(), name: "event.created", fact: snapshot(eventId, 1, "Old title") } });
    expect(await statsOf(eventId)).toMatchObject({ title: "New title", eventVersion: 3, capacity: 100, seatsSold: 2, bookingsConfirmed: 1 });
  });

  it("counts waiting entries from joined, left, promoted and closed, each once", async () => {
    const ctx = testCtx();
    const eventId = randomUUID();
    const joins = Array.from({ length: 5 }, () => ({ outboxId: randomUUID(), name: "waitlist.joined" as const, fact: { entryId: randomUUID(), eventId, userId: randomUUID(), quantity: 2 } }));
    for (const j of [...joins, ...joins]) await applyWaitlistChange({ ctx, input: j });
    expect((await statsOf(eventId))?.waitlistWaiting).toBe(5);
    await applyWaitlistChange({ ctx, input: { outboxId: randomUUID(), name: "waitlist.left", fact: { ...joins[0]!.fact } } });
    await applyWaitlistChange({ ctx, input: { outboxId: randomUUID(), name: "waitlist.promoted", fact: { ...joins[1]!.fact, bookingId: randomUUID() } } });
    expect((await statsOf(eventId))?.waitlistWaiting).toBe(3);
    await applyWaitlistChange({ ctx, input: { outboxId: randomUUID(), name: "waitlist.closed", fact: { eventId, entries: 3 } } });
    expect((await statsOf(eventId))?.waitlistWaiting).toBe(0);
    expect(await getDb().$count(eventLog, eq(eventLog.eventId, eventId))).toBe(8);
  });

  it("refuses to be called by a user, even an admin", async () => {
    const admin = testCtx({ type: "user", userId: randomUUID(), role: "admin", emailVerified: true, sessionId: null });
    await expect(
      applyBookingConfirmed({ ctx: admin, input: { outboxId: randomUUID(), fact: confirmed(randomUUID()) } }),
    ).rejects.toMatchObject({ kind: "Forbidden" });
  });
});
