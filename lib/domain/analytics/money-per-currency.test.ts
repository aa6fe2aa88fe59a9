import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/domain/context";
import { orderOnRecord } from "@/lib/domain/bookings/test-fixtures";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { applyAnalyticsFacts } from "./apply-fact";
import { getDailyAnalytics } from "./get-daily-analytics";
import { getDashboardOverview } from "./get-dashboard-overview";
import { getEventAnalytics } from "./get-event-analytics";
import { getLeaderboard } from "./get-leaderboard";
import { getSystemAnalytics } from "./get-system-analytics";
import { getTopEvents } from "./get-top-events";
import { refreshLeaderboards } from "./refresh-leaderboards";

const D1 = "2026-03-10";
const D2 = "2026-03-11";

type Fact = { outboxId: string; name: string; data: Record<string, unknown> };

/**
 * One organizer selling in three currencies (JPY has no minor digits: 1500 is ¥1,500), with
 * sales on D1 and D2 and refunds (full and partial) on D2. Seats sold now: EUR 2, GBP 1, JPY 4,
 * so JPY is the organizer's main currency.
 */
function world() {
  const organizerId = randomUUID();
  const events = { EUR: randomUUID(), GBP: randomUUID(), JPY: randomUUID() } as const;
  const facts: Fact[] = [];
  const add = (name: string, data: Record<string, unknown>) => facts.push({ outboxId: randomUUID(), name, data });
  for (const [currency, eventId] of Object.entries(events)) {
    add("event.published", {
      eventId,
      organizerId,
      title: `Night in ${currency}`,
      capacity: 100,
      currency,
      status: "published",
      startsAt: "2099-04-01T18:00:00.000Z",
      endsAt: "2099-04-01T21:00:00.000Z",
      version: 1,
    });
  }
  const sale = (currency: keyof typeof events, quantity: number, totalCents: number, day: string) => {
    const bookingId = randomUUID();
    const fact = { bookingId, eventId: events[currency], userId: randomUUID(), organizerId, quantity, totalCents, currency };
    add("booking.confirmed", { ...fact, source: "direct", confirmedAt: `${day}T10:00:00.000Z` });
    return fact;
  };
  const orders: Parameters<typeof orderOnRecord>[0][] = [];
  const refund = (sold: { bookingId: string; eventId: string; organizerId: string; quantity: number; totalCents: number; currency: string }, amountCents: number, ofSale: boolean, whole: boolean) => {
    orders.push({ orderId: sold.bookingId, eventId: sold.eventId, organizerId: sold.organizerId, quantity: sold.quantity, totalCents: sold.totalCents, currency: sold.currency });
    add("payment.refunded", { refundId: randomUUID(), orderId: sold.bookingId, amountCents, currency: sold.currency, returnsOrder: whole, refundedAt: `${D2}T15:00:00.000Z`, ofSale });
    if (whole) add("booking.cancelled", { ...sold, cancelledBy: "holder", cancelledAt: `${D2}T15:00:00.000Z` });
  };
  const eurA = sale("EUR", 2, 5000, D1);
  const eurB = sale("EUR", 1, 2500, D1);
  sale("GBP", 1, 3000, D1);
  const jpyA = sale("JPY", 1, 1500, D1);
  sale("JPY", 3, 4500, D2);
  refund(eurB, 2500, true, true);
  refund(eurA, 1000, true, false);
  refund(jpyA, 1500, true, false);
  // A late payment refunded after its order expired was never a sale: its refund moves nothing.
  refund({ ...jpyA, bookingId: randomUUID() }, 9900, false, false);
  const organizer: UserActor = { type: "user", userId: organizerId, role: "organizer", emailVerified: true, sessionId: null };
  return { organizerId, organizer, events, facts, orders };
}

async function applied(facts: Fact[], orders: Parameters<typeof orderOnRecord>[0][]) {
  for (const order of orders) await orderOnRecord(order);
  const names = ["event.published", "booking.confirmed", "booking.cancelled", "payment.refunded"];
  for (const name of names) await applyAnalyticsFacts({ ctx: testCtx(), input: { facts: facts.filter((f) => f.name === name) } });
}

const admin: UserActor = { type: "user", userId: randomUUID(), role: "admin", emailVerified: true, sessionId: null };

describe("money in analytics, per currency", () => {
  beforeEach(resetDatabase);

  it("keeps gross, refunds and net per event in the event's own currency, with refunds subtracted", async () => {
    const { organizer, events, facts, orders } = world();
    await applied(facts, orders);
    const read = (eventId: string) => getEventAnalytics({ ctx: testCtx(organizer), input: { eventId } });
    expect(await read(events.EUR)).toMatchObject({ currency: "EUR", seatsSold: 2, grossCents: 7500, refundsCents: 3500, netCents: 4000, revenueCents: 4000 });
    expect(await read(events.GBP)).toMatchObject({ currency: "GBP", seatsSold: 1, grossCents: 3000, refundsCents: 0, netCents: 3000, revenueCents: 3000 });
    expect(await read(events.JPY)).toMatchObject({ currency: "JPY", seatsSold: 4, grossCents: 6000, refundsCents: 1500, netCents: 4500, revenueCents: 4500 });
  });

  it("counts a refund delivered twice once", async () => {
    const { organizer, events, facts, orders } = world();
    await applied(facts, orders);
    const refunds = facts.filter((f) => f.name === "payment.refunded");
    expect(await applyAnalyticsFacts({ ctx: testCtx(), input: { facts: refunds } })).toEqual({ applied: 0 });
    expect(await getEventAnalytics({ ctx: testCtx(organizer), input: { eventId: events.EUR } })).toMatchObject({ refundsCents: 3500, netCents: 4000 });
  });

  it("reports the daily series in one currency, the main one by default, and every currency apart", async () => {
    const { organizer, facts, orders } = world();
    await applied(facts, orders);
    const ctx = testCtx(organizer);
    const main = await getDailyAnalytics({ ctx, input: { from: D1, to: D2 } });
    expect(main.currency).toBe("JPY");
    expect(main.currencies).toEqual(["JPY", "EUR", "GBP"]);
    // Seats and bookings count every event; money only JPY's.
    expect(main.data[0]).toMatchObject({ date: D1, bookings: 4, seatsSold: 5, grossCents: 1500, refundsCents: 0, netCents: 1500, revenueCents: 1500 });
    expect(main.data[1]).toMatchObject({ date: D2, bookings: 1, seatsSold: 3, cancellations: 1, grossCents: 4500, refundsCents: 1500, netCents: 3000, revenueCents: 3000 });
    expect(main.data[0]!.revenue).toEqual([
      { currency: "JPY", bookings: 1, seatsSold: 1, cancellations: 0, seatsCancelled: 0, grossCents: 1500, refundsCents: 0, netCents: 1500 },
      { currency: "EUR", bookings: 2, seatsSold: 3, cancellations: 0, seatsCancelled: 0, grossCents: 7500, refundsCents: 0, netCents: 7500 },
      { currency: "GBP", bookings: 1, seatsSold: 1, cancellations: 0, seatsCancelled: 0, grossCents: 3000, refundsCents: 0, netCents: 3000 },
    ]);

    const eur = await getDailyAnalytics({ ctx, input: { from: D1, to: D2, currency: "eur" } });
    expect(eur.currency).toBe("EUR");
    expect(eur.data.map((d) => [d.grossCents, d.refundsCents, d.revenueCents, d.revenueCancelledCents])).toEqual([
      [7500, 0, 7500, 0],
      [0, 3500, -3500, 2500],
    ]);
    const weekly = await getDailyAnalytics({ ctx, input: { from: D1, to: D2, currency: "GBP", bucket: "week" } });
    expect(weekly.data).toHaveLength(1);
    expect(weekly.data[0]).toMatchObject({ grossCents: 3000, refundsCents: 0, netCents: 3000, seatsSold: 8 });
  });

  it("ranks revenue within one currency and answers the system totals per currency, never summed", async () => {
    const { organizer, events, facts, orders } = world();
    await applied(facts, orders);
    const byRevenue = await getTopEvents({ ctx: testCtx(organizer), input: { by: "revenue" } });
    expect(byRevenue.map((e) => [e.eventId, e.currency, e.revenueCents])).toEqual([[events.JPY, "JPY", 4500]]);
    const gbp = await getTopEvents({ ctx: testCtx(organizer), input: { by: "revenue", currency: "GBP" } });
    expect(gbp).toMatchObject([{ eventId: events.GBP, grossCents: 3000, refundsCents: 0, netCents: 3000 }]);
    expect(await getTopEvents({ ctx: testCtx(organizer), input: { by: "seats" } })).toHaveLength(3);

    await refreshLeaderboards({ ctx: testCtx() });
    const board = await getLeaderboard({ ctx: testCtx(admin), input: { by: "revenue", currency: "EUR" } });
    expect(board.data.map((e) => [e.rank, e.eventId, e.currency, e.revenueCents])).toEqual([[1, events.EUR, "EUR", 4000]]);
    expect((await getLeaderboard({ ctx: testCtx(admin), input: { by: "revenue" } })).data.map((e) => e.currency)).toEqual(["JPY"]);

    const system = await getSystemAnalytics({ ctx: testCtx(admin) });
    expect(system).toMatchObject({ currency: "JPY", revenueCents: 4500 });
    expect(system.revenue).toEqual([
      { currency: "JPY", grossCents: 6000, refundsCents: 1500, netCents: 4500 },
      { currency: "EUR", grossCents: 7500, refundsCents: 3500, netCents: 4000 },
      { currency: "GBP", grossCents: 3000, refundsCents: 0, netCents: 3000 },
    ]);
    expect((await getSystemAnalytics({ ctx: testCtx(admin), input: { currency: "EUR" } })).revenueCents).toBe(4000);
    expect((await getSystemAnalytics({ ctx: testCtx(admin), input: { currency: "USD" } })).revenueCents).toBe(0);

    const overview = await getDashboardOverview({ ctx: testCtx(organizer) });
    expect(overview.revenue.map((r) => [r.currency, r.netCents])).toEqual([
      ["JPY", 4500],
      ["EUR", 4000],
      ["GBP", 3000],
    ]);
    expect(overview.seatsSold).toBe(7);
  });

  it("rejects a currency that is not an ISO code with a validation error", async () => {
    const { organizer } = world();
    await expect(getDailyAnalytics({ ctx: testCtx(organizer), input: { currency: "euro" } })).rejects.toMatchObject({ name: "ZodError" });
  });
});
