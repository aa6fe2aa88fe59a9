import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, getDb } from "@/lib/db/client";
import { bookingTotals, bookSeats, cancelOrder, confirmOrderPayment, joinWaitlist, leaveWaitlist, markOrderRefunded, type BookingView } from "@/lib/domain/bookings";
import type { Ctx, UserActor } from "@/lib/domain/context";
import { createEvent, publishEvent } from "@/lib/domain/events";
import { drainJobs } from "@/lib/jobs/drain";
import { functions } from "@/inngest/functions";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { analyticsDrift, recordReconciliation } from "./analytics-drift";
import { findAnalyticsDrift } from "./find-analytics-drift";
import { getDailyAnalytics } from "./get-daily-analytics";
import { eventStats } from "./schema";

// The burst needs more parallel connections than the worker's shared pool.
const racers = createDb(process.env.DATABASE_URL!, { max: 30 });
afterAll(() => racers.$client.end());

/**
 * Event-triggered functions only: a cron tick (reconcile sleeps 30 s on suspects) must not hold
 * the drain, nor an unpaid order's expiry, which sleeps until its hold lapses (ten minutes).
 */
const eventFunctions = functions.filter((fn) => {
  const triggers = (fn.opts as { triggers?: { cron?: string }[] }).triggers ?? [];
  return !triggers.some((t) => t.cron) && fn.id() !== "expire-order-when-hold-lapses";
});

const user = (role: UserActor["role"] = "attendee"): UserActor => ({ type: "user", userId: randomUUID(), role, emailVerified: true, sessionId: null });
const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
const settle = <T>(ps: Promise<T>[]) => Promise.allSettled(ps).then((rs) => rs.flatMap((r) => (r.status === "fulfilled" ? [r.value] : [])));

/** A paid booking counts once its payment arrives: pay it in full, as the provider's notification would. */
async function paid(booking: BookingView): Promise<BookingView> {
  if (booking.status !== "awaiting_payment") return booking;
  await confirmOrderPayment({ ctx: testCtx(), input: { orderId: booking.id, provider: "test", amountCents: booking.totalCents, currency: booking.currency, paidAt: new Date() } });
  return { ...booking, status: "confirmed" };
}

async function publishedEvent(organizer: UserActor, capacity: number, priceCents: number, currency: string) {
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  const event = await createEvent({
    ctx: testCtx(organizer),
    input: { title: `Burst ${capacity}`, venue: "Hall", startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(), capacity, priceCents, currency },
  });
  await publishEvent({ ctx: testCtx(organizer), input: { id: event.id } });
  return event.id;
}

/** What lib/checkout's cancel does, in domain verbs (a domain test may not import lib/checkout): a paid order is refunded, a free one cancelled. */
async function cancelOrRefund(ctx: Ctx, orderId: string): Promise<void> {
  const { refundDue } = await cancelOrder({ ctx, input: { orderId } });
  if (refundDue) await markOrderRefunded({ ctx: { ...ctx, actor: { type: "system" } }, input: { orderId, amountCents: refundDue.amountCents, reason: "The order was cancelled." } });
}

describe("analytics after a randomized burst through the bookings domain", () => {
  beforeEach(resetDatabase);

  it("equals a direct count over the bookings tables once the jobs are drained", async () => {
    const organizer = user("organizer");
    const eventIds = [
      await publishedEvent(organizer, 20, 1500, "EUR"),
      await publishedEvent(organizer, 35, 990, "EUR"),
      await publishedEvent(organizer, 8, 0, "EUR"),
    ];
    const ctx = (actor: UserActor) => testCtx(actor, { db: racers });
    const book = (actor: UserActor) =>
      bookSeats({ ctx: ctx(actor), input: { eventId: pick(eventIds), quantity: 1 + Math.floor(Math.random() * 3), idempotencyKey: randomUUID() } }).then(
        async ({ booking }) => ({ actor, booking: await paid(booking) }),
      );

    const wave1 = await settle(Array.from({ length: 50 }, () => book(user())));
    // Cancellations race a second wave of buyers and waitlist joins on the same hot rows.
    const cancelling = wave1.filter(() => Math.random() < 0.4);
    await Promise.all([
      // Paid bookings are refunded, free ones cancelled: analytics counts both as cancellations.
      settle(cancelling.map(({ actor, booking }) => cancelOrRefund(ctx(actor), booking.id))),
      settle(Array.from({ length: 30 }, () => book(user()))),
      settle(eventIds.map((eventId) => joinWaitlist({ ctx: ctx(user()), input: { eventId, quantity: 1 } }))),
    ]);
    const waiting = await settle(
      Array.from({ length: 6 }, async () => {
        const actor = user();
        const entry = await joinWaitlist({ ctx: ctx(actor), input: { eventId: eventIds[2]!, quantity: 2 } });
        return { actor, entry };
      }),
    );
    await settle(waiting.slice(0, 2).map(({ actor, entry }) => leaveWaitlist({ ctx: ctx(actor), input: { id: entry.id } })));
    expect(wave1.length).toBeGreaterThan(5);

    await drainJobs({ db: getDb(), functions: eventFunctions, timeoutMs: 30_000 });

    const source = await bookingTotals({ ctx: testCtx(), input: { eventIds } });
    const stats = await getDb().select().from(eventStats);
    const byId = new Map(stats.map((s) => [s.eventId, s]));
    expect(source).toHaveLength(3);
    for (const t of source) {
      expect(byId.get(t.eventId)).toMatchObject({
        seatsSold: t.seatsSold,
        bookingsConfirmed: t.bookingsConfirmed,
        bookingsCancelled: t.bookingsCancelled,
        grossCents: t.grossCents,
        waitlistWaiting: t.waitlistWaiting,
      });
    }
    expect(source.some((t) => t.bookingsCancelled > 0)).toBe(true);

    const report = await findAnalyticsDrift({ ctx: testCtx(), input: {} });
    expect(report).toMatchObject({ eventsChecked: 3, driftEvents: 0, details: [] });
    await recordReconciliation({ ctx: testCtx(), input: report });
    expect(await analyticsDrift()).toMatchObject({ driftEvents: 0, eventsChecked: 3 });

    // Today's activity nets out to what is sold now: every sale and cancellation happened today.
    const [today] = (await getDailyAnalytics({ ctx: testCtx(organizer), input: { from: undefined } })).data.slice(-1);
    const sold = source.reduce((n, t) => n + t.seatsSold, 0);
    expect(today!.seatsSold - today!.seatsCancelled).toBe(sold);
  });

  it("reports an event whose aggregates were tampered with as drift", async () => {
    const organizer = user("organizer");
    const eventId = await publishedEvent(organizer, 10, 1000, "USD");
    await paid((await bookSeats({ ctx: testCtx(user()), input: { eventId, quantity: 2, idempotencyKey: randomUUID() } })).booking);
    await drainJobs({ db: getDb(), functions: eventFunctions });
    expect((await findAnalyticsDrift({ ctx: testCtx(), input: {} })).driftEvents).toBe(0);

    await getDb().update(eventStats).set({ seatsSold: 3 });
    const report = await findAnalyticsDrift({ ctx: testCtx(), input: {} });
    expect(report).toMatchObject({ driftEvents: 1, driftEventIds: [eventId] });
    expect(report.details).toContainEqual({ eventId, field: "seatsSold", expected: 2, actual: 3 });
  });

  it("is not for organizers", async () => {
    await expect(findAnalyticsDrift({ ctx: testCtx(user("organizer")), input: {} })).rejects.toMatchObject({ kind: "Forbidden" });
  });
});
