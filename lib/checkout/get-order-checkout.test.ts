import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { deliverTestPaymentNotification } from "@/inngest/functions/deliver-test-payment-notification";
import { getDb } from "@/lib/db/client";
import { ticketTypes } from "@/lib/domain/bookings/schema";
import { attendee, publishedEvent } from "@/lib/domain/bookings/test-fixtures";
import { drainJobs } from "@/lib/jobs/drain";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { getOrderCheckout } from "./get-order-checkout";
import { payTestOrder } from "./pay-test-order";
import { placeOrder } from "./place-order";

async function awaitingOrder() {
  const event = await publishedEvent({ capacity: 5, priceCents: 2500 });
  const [type] = await getDb().select().from(ticketTypes).where(eq(ticketTypes.eventId, event.eventId));
  const buyer = attendee();
  const { order } = await placeOrder({ ctx: testCtx(buyer), input: { eventId: event.eventId, items: [{ ticketTypeId: type!.id, quantity: 1 }], idempotencyKey: randomUUID() } });
  return { buyer, order };
}

describe("getOrderCheckout", () => {
  beforeEach(resetDatabase);

  it("says the payment is processing between the provider taking the money and the order being confirmed", async () => {
    const { buyer, order } = await awaitingOrder();
    expect(await getOrderCheckout({ ctx: testCtx(buyer), input: { orderId: order.id } })).toMatchObject({ paymentProcessing: false, lastFailure: null });

    // No job runs yet, so the notification that confirms the order has not arrived.
    await payTestOrder({ ctx: testCtx(buyer), input: { orderId: order.id, outcome: "succeeded", settleWithinMs: 0 } });
    const processing = await getOrderCheckout({ ctx: testCtx(buyer), input: { orderId: order.id } });
    expect(processing).toMatchObject({ paymentProcessing: true, order: { status: "awaiting_payment" } });

    await drainJobs({ db: getDb(), functions: [deliverTestPaymentNotification] });
    expect(await getOrderCheckout({ ctx: testCtx(buyer), input: { orderId: order.id } })).toMatchObject({ paymentProcessing: false, order: { status: "confirmed" } });
  });

  it("gives the reason of a declined card while the order still waits for payment", async () => {
    const { buyer, order } = await awaitingOrder();
    await payTestOrder({ ctx: testCtx(buyer), input: { orderId: order.id, outcome: "declined", settleWithinMs: 0 } });
    await drainJobs({ db: getDb(), functions: [deliverTestPaymentNotification] });
    const checkout = await getOrderCheckout({ ctx: testCtx(buyer), input: { orderId: order.id } });
    expect(checkout.paymentProcessing).toBe(false);
    expect(checkout.lastFailure).toEqual(expect.any(String));
  });

  it("shows someone else's order to nobody but its buyer, organizer and admins", async () => {
    const { order } = await awaitingOrder();
    await expect(getOrderCheckout({ ctx: testCtx(attendee()), input: { orderId: order.id } })).rejects.toMatchObject({ kind: "NotFound" });
  });
});
