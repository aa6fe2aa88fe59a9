import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { emit } from "@/lib/jobs/emit";
import { drainJobs } from "@/lib/jobs/drain";
import { inngest } from "@/inngest/client";
import { events } from "@/inngest/events";
import { applyBookingFacts } from "@/inngest/functions/apply-booking-facts";
import { orderOnRecord } from "@/lib/domain/bookings/test-fixtures";
import { resetDatabase } from "@/tests/harness/db";
import { applyAnalyticsFact } from "./apply-fact";
import { dailyStats, eventStats } from "./schema";

const organizerId = randomUUID();

function booking(eventId: string) {
  return {
    bookingId: randomUUID(),
    eventId,
    userId: randomUUID(),
    organizerId,
    quantity: 3,
    totalCents: 4500,
    currency: "USD",
    source: "direct" as const,
    confirmedAt: new Date().toISOString(),
  };
}

async function stats(eventId: string) {
  const [row] = await getDb().select().from(eventStats).where(eq(eventStats.eventId, eventId));
  return row;
}

describe("analytics functions driven by the jobs runner", () => {
  beforeEach(resetDatabase);

  it("applies emitted booking facts once the jobs are drained", async () => {
    const eventId = randomUUID();
    const fact = booking(eventId);
    await orderOnRecord({ orderId: fact.bookingId, eventId, organizerId, quantity: fact.quantity, totalCents: fact.totalCents, currency: fact.currency });
    await getDb().transaction(async (tx) => {
      await emit(tx, { name: "booking.confirmed", data: fact, requestId: randomUUID() });
      await emit(tx, {
        name: "booking.cancelled",
        data: { ...fact, cancelledBy: "holder", cancelledAt: new Date().toISOString() },
        requestId: randomUUID(),
      });
      await emit(tx, {
        name: "payment.refunded",
        data: { refundId: randomUUID(), orderId: fact.bookingId, amountCents: 4500, currency: "USD", returnsOrder: true, refundedAt: new Date().toISOString(), ofSale: true },
        requestId: randomUUID(),
      });
      await emit(tx, { name: "booking.confirmed", data: booking(eventId), requestId: randomUUID() });
    });
    await drainJobs({ db: getDb(), functions: [applyBookingFacts] });
    expect(await stats(eventId)).toMatchObject({ seatsSold: 3, bookingsConfirmed: 1, bookingsCancelled: 1, grossCents: 9000, refundsCents: 4500, revenueCents: 4500 });
  });

  it("leaves every aggregate unchanged when a step that already applied its fact is retried", async () => {
    let attempts = 0;
    const crashesAfterCommit = inngest.createFunction(
      { id: "test-apply-then-crash", retries: 3, triggers: [events["booking.confirmed"]] },
      async ({ event, step, ctx }) =>
        step.run("apply", async () => {
          const result = await applyAnalyticsFact({ ctx, input: { outboxId: event.id!, name: event.name, data: event.data } });
          if (++attempts < 3) throw new Error("worker lost after the commit");
          return result;
        }),
    );
    const eventId = randomUUID();
    await getDb().transaction((tx) => emit(tx, { name: "booking.confirmed", data: booking(eventId), requestId: randomUUID() }));
    const outcome = await drainJobs({ db: getDb(), functions: [crashesAfterCommit] });
    expect(attempts).toBe(3);
    expect(outcome.completed).toBe(1);
    expect(await stats(eventId)).toMatchObject({ seatsSold: 3, bookingsConfirmed: 1, revenueCents: 4500 });
    expect(await getDb().select().from(dailyStats).where(eq(dailyStats.eventId, eventId))).toMatchObject([
      { bookings: 1, seatsSold: 3, revenueCents: 4500 },
    ]);
  });
});
