import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { inngest } from "@/inngest/client";
import { deliverTestPaymentNotification } from "@/inngest/functions/deliver-test-payment-notification";
import { reconcilePayments } from "@/inngest/functions/reconcile-payments";
import { getDb } from "@/lib/db/client";
import type { UserActor } from "@/lib/domain/context";
import { bookings, ticketTypes } from "@/lib/domain/bookings/schema";
import { attendee, publishedEvent } from "@/lib/domain/bookings/test-fixtures";
import { paymentReconciliation, recordPaymentReconciliation, requestRefund } from "@/lib/domain/payments";
import { payments } from "@/lib/domain/payments/schema";
import { scheduleCronTicks } from "@/lib/jobs/cron";
import { drainJobs } from "@/lib/jobs/drain";
import { buildRegistry } from "@/lib/jobs/registry";
import { registry } from "@/lib/metrics/registry";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { findPaymentMismatches } from "./find-payment-mismatches";
import { payTestOrder } from "./pay-test-order";
import { placeOrder } from "./place-order";

async function paidEvent() {
  const event = await publishedEvent({ capacity: 20, priceCents: 2500 });
  const [type] = await getDb().select().from(ticketTypes).where(eq(ticketTypes.eventId, event.eventId));
  return { ...event, ticketTypeId: type!.id };
}

/** A confirmed order paid in full through the test provider: the consistent case. */
async function paidOrder(event: { eventId: string; ticketTypeId: string }, buyer: UserActor = attendee()) {
  const { order } = await placeOrder({
    ctx: testCtx(buyer),
    input: { eventId: event.eventId, items: [{ ticketTypeId: event.ticketTypeId, quantity: 1 }], idempotencyKey: randomUUID() },
  });
  await payTestOrder({ ctx: testCtx(buyer), input: { orderId: order.id, outcome: "succeeded", settleWithinMs: 0 } });
  await drainJobs({ db: getDb(), functions: [deliverTestPaymentNotification] });
  const [row] = await getDb().select().from(bookings).where(eq(bookings.id, order.id));
  expect(row!.status).toBe("confirmed");
  return order.id;
}

const kinds = (report: Awaited<ReturnType<typeof findPaymentMismatches>>) => report.mismatches.map((m) => [m.kind, m.orderId]).sort();

describe("payment reconciliation", () => {
  beforeEach(resetDatabase);

  it("finds nothing when every paid order has its payment", async () => {
    const event = await paidEvent();
    await paidOrder(event);
    await paidOrder(event);
    const report = await findPaymentMismatches({ ctx: testCtx(), input: {} });
    expect(report).toEqual({ ordersChecked: 2, paymentsChecked: 2, mismatches: [] });
  });

  it("finds each kind of deliberately broken row, and leaves a refund in progress alone", async () => {
    const event = await paidEvent();
    const db = getDb();
    const healthy = await paidOrder(event);
    const noPayment = await paidOrder(event);
    const wrongAmount = await paidOrder(event);
    const notConfirmed = await paidOrder(event);
    const refunding = await paidOrder(event);
    const orphan = randomUUID();

    await db.update(payments).set({ status: "failed" }).where(eq(payments.orderId, noPayment));
    await db.update(payments).set({ amountCents: 2400 }).where(eq(payments.orderId, wrongAmount));
    await db.update(bookings).set({ status: "cancelled" }).where(eq(bookings.id, notConfirmed));
    await db.insert(payments).values({ orderId: orphan, provider: "test", providerRef: `orphan-${orphan}`, amountCents: 900, currency: "JPY", status: "succeeded", succeededAt: new Date() });
    // Cancelled with its refund asked for but not made yet: money on its way back is not a mismatch.
    await db.update(bookings).set({ status: "cancelled" }).where(eq(bookings.id, refunding));
    await requestRefund({ ctx: testCtx(), input: { orderId: refunding, reason: "requested_by_customer", idempotencyKey: `refund-${refunding}` } });

    const report = await findPaymentMismatches({ ctx: testCtx(), input: {} });
    expect(kinds(report)).toEqual(
      [
        ["amount_mismatch", wrongAmount],
        ["paid_order_without_payment", noPayment],
        ["payment_order_not_confirmed", notConfirmed],
        ["payment_without_order", orphan],
      ].sort(),
    );
    expect(report.mismatches.find((m) => m.kind === "amount_mismatch")!.detail).toBe("Order total 2500 EUR, payment 2400 EUR.");
    expect(report.mismatches.map((m) => m.orderId)).not.toContain(healthy);

    // A re-check of the suspects alone finds the same, and nothing about the healthy order.
    const again = await findPaymentMismatches({ ctx: testCtx(), input: { orderIds: [...new Set(report.mismatches.map((m) => m.orderId)), healthy] } });
    expect(kinds(again)).toEqual(kinds(report));

    const recorded = await recordPaymentReconciliation({ ctx: testCtx(), input: report });
    expect(recorded).toMatchObject({ mismatches: 4 });
    expect(await paymentReconciliation()).toMatchObject({ mismatches: 4, details: report.mismatches });
    expect(await registry.getSingleMetricAsString("payments_reconciliation_mismatches")).toMatch(/^payments_reconciliation_mismatches 4$/m);

    // Repaired rows reconcile again.
    await db.update(payments).set({ status: "succeeded" }).where(eq(payments.orderId, noPayment));
    await db.update(payments).set({ amountCents: 2500 }).where(eq(payments.orderId, wrongAmount));
    await db.update(bookings).set({ status: "confirmed" }).where(eq(bookings.id, notConfirmed));
    await db.delete(payments).where(eq(payments.orderId, orphan));
    expect((await findPaymentMismatches({ ctx: testCtx(), input: {} })).mismatches).toEqual([]);
  });

  it("looks only at the window asked for", async () => {
    const event = await paidEvent();
    const old = await paidOrder(event);
    await getDb().execute(sql`update payments.payments set status = 'failed' where order_id = ${old}`);
    await getDb().execute(sql`update bookings.bookings set paid_at = now() - interval '40 days' where id = ${old}`);
    expect((await findPaymentMismatches({ ctx: testCtx(), input: { days: 35 } })).mismatches).toEqual([]);
    expect(kinds(await findPaymentMismatches({ ctx: testCtx(), input: { days: 45 } }))).toEqual([["paid_order_without_payment", old]]);
  });

  it("records a clean outcome when its fifteen-minute cron runs", async () => {
    await paidOrder(await paidEvent());
    const db = getDb();
    const functions = [reconcilePayments];
    const cronRegistry = buildRegistry(inngest.id, functions);
    expect(await scheduleCronTicks(db, cronRegistry, new Date("2026-03-01T10:01:00Z"))).toBe(0);
    expect(await scheduleCronTicks(db, cronRegistry, new Date("2026-03-01T10:15:30Z"))).toBe(1);
    await drainJobs({ db, functions });
    expect(await paymentReconciliation()).toMatchObject({ ordersChecked: 1, paymentsChecked: 1, mismatches: 0, details: [] });
  });

  it("is for the system only", async () => {
    await expect(findPaymentMismatches({ ctx: testCtx(attendee({ role: "admin" })), input: {} })).rejects.toMatchObject({ kind: "Forbidden" });
  });
});
