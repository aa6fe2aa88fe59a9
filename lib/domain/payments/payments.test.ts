import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, getDb } from "@/lib/db/client";
import { outbox } from "@/lib/jobs/schema";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { chargeTestCard } from "./charge-test-card";
import { executeRefund } from "./execute-refund";
import { receiveNotification } from "./receive-notification";
import { recordPaymentOutcome } from "./record-payment-outcome";
import { requestRefund } from "./request-refund";
import { notifications, payments, refunds } from "./schema";
import { signTestNotification, testProvider, type TestNotificationBody } from "./test-provider";

const racers = createDb(process.env.DATABASE_URL!, { max: 12 });
afterAll(() => racers.$client.end());

const system = () => testCtx({ type: "system" });
const buyer = () => testCtx({ type: "user", userId: randomUUID(), role: "attendee", emailVerified: true, sessionId: null });

async function dueNotification(orderId: string): Promise<TestNotificationBody> {
  const rows = await getDb().select().from(outbox).where(eq(outbox.name, "payment.test_notification_due"));
  const row = rows.find((r) => (r.data as { body: TestNotificationBody }).body.data.orderId === orderId);
  return (row!.data as { body: TestNotificationBody }).body;
}

describe("payments domain", () => {
  beforeEach(resetDatabase);

  it("refuses every money verb to a signed-in user: only lib/checkout and jobs act, as the system", async () => {
    const orderId = randomUUID();
    await expect(chargeTestCard({ ctx: buyer(), input: { orderId, amountCents: 1000, currency: "EUR", outcome: "succeeded" } })).rejects.toMatchObject({ kind: "Forbidden" });
    await expect(requestRefund({ ctx: buyer(), input: { orderId, reason: "x", idempotencyKey: "k" } })).rejects.toMatchObject({ kind: "Forbidden" });
    await expect(receiveNotification({ ctx: buyer(), input: { provider: "test", rawBody: "{}", headers: {} } })).rejects.toMatchObject({ kind: "Forbidden" });
  });

  it("records a test charge as a pending attempt and queues its notification in the same commit", async () => {
    const orderId = randomUUID();
    const charge = await chargeTestCard({ ctx: system(), input: { orderId, amountCents: 2500, currency: "EUR", outcome: "declined" } });
    const [row] = await getDb().select().from(payments).where(eq(payments.id, charge.paymentId));
    expect(row).toMatchObject({ orderId, status: "pending", amountCents: 2500, providerRef: charge.paymentRef });
    const body = await dueNotification(orderId);
    expect(body).toMatchObject({ type: "payment.failed", data: { paymentRef: charge.paymentRef, failureReason: charge.failureReason } });
  });

  it("accepts a signed notification once: 8 concurrent deliveries of it give one record and 7 duplicates", async () => {
    const orderId = randomUUID();
    await chargeTestCard({ ctx: system(), input: { orderId, amountCents: 2500, currency: "EUR", outcome: "succeeded" } });
    const signed = signTestNotification(await dueNotification(orderId), new Date());
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        racers.transaction((tx) => receiveNotification({ ctx: testCtx({ type: "system" }, { db: tx }), input: { provider: "test", ...signed } })),
      ),
    );
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(results.every((r) => r.event.kind === "payment_succeeded")).toBe(true);
    expect(await getDb().$count(notifications)).toBe(1);
  });

  it("refuses a notification whose signature is wrong and records nothing", async () => {
    const orderId = randomUUID();
    await chargeTestCard({ ctx: system(), input: { orderId, amountCents: 2500, currency: "EUR", outcome: "succeeded" } });
    const signed = signTestNotification(await dueNotification(orderId), new Date());
    const forged = signed.rawBody.replace("2500", "1");
    await expect(receiveNotification({ ctx: system(), input: { provider: "test", rawBody: forged, headers: signed.headers } })).rejects.toMatchObject({
      kind: "Unauthenticated",
      code: "SIGNATURE_INVALID",
    });
    expect(await getDb().$count(notifications)).toBe(0);
  });

  it("moves an attempt only out of pending: a failure reported after its success changes nothing", async () => {
    const orderId = randomUUID();
    const charge = await chargeTestCard({ ctx: system(), input: { orderId, amountCents: 2500, currency: "EUR", outcome: "succeeded" } });
    const base = { orderId, provider: "test", paymentRef: charge.paymentRef, amountCents: 2500, currency: "EUR", at: new Date() };
    const first = await recordPaymentOutcome({ ctx: system(), input: { ...base, status: "succeeded" } });
    const late = await recordPaymentOutcome({ ctx: system(), input: { ...base, status: "failed", failureReason: "declined" } });
    expect(first).toMatchObject({ changed: true, payment: { status: "succeeded" }, otherSucceeded: 0 });
    expect(late).toMatchObject({ changed: false, payment: { status: "succeeded", failureReason: null } });
  });

  it("counts a second succeeded payment of the same order, so the caller can give it back", async () => {
    const orderId = randomUUID();
    const base = { orderId, provider: "test", amountCents: 2500, currency: "EUR", status: "succeeded" as const, at: new Date() };
    await recordPaymentOutcome({ ctx: system(), input: { ...base, paymentRef: "test_pi_a" } });
    const second = await recordPaymentOutcome({ ctx: system(), input: { ...base, paymentRef: "test_pi_b" } });
    expect(second).toMatchObject({ changed: true, otherSucceeded: 1 });
  });

  it("makes one refund per idempotency key, however often it is requested and executed, and marks the payment refunded", async () => {
    const orderId = randomUUID();
    const charge = await chargeTestCard({ ctx: system(), input: { orderId, amountCents: 2500, currency: "EUR", outcome: "succeeded" } });
    await recordPaymentOutcome({ ctx: system(), input: { orderId, provider: "test", paymentRef: charge.paymentRef, amountCents: 2500, currency: "EUR", status: "succeeded", at: new Date() } });
    const asks = await Promise.all(
      Array.from({ length: 5 }, () =>
        requestRefund({ ctx: testCtx({ type: "system" }, { db: racers }), input: { orderId, reason: "Cancelled by the buyer", idempotencyKey: `order-cancelled:${orderId}` } }),
      ),
    );
    expect(new Set(asks.map((r) => r.id)).size).toBe(1);
    await Promise.all(asks.map((r) => executeRefund({ ctx: testCtx({ type: "system" }, { db: racers }), input: { refundId: r.id } })));
    const rows = await getDb().select().from(refunds);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "succeeded", amountCents: 2500 });
    expect(rows[0]!.providerRef).toMatch(/^test_re_/);
    expect((await getDb().select().from(payments).where(eq(payments.id, charge.paymentId)))[0]!.status).toBe("refunded");
    const requested = await getDb().select().from(outbox).where(eq(outbox.name, "payment.refund_requested"));
    expect(requested).toHaveLength(1);
  });

  it("refuses to refund an order that has no succeeded payment", async () => {
    const orderId = randomUUID();
    await chargeTestCard({ ctx: system(), input: { orderId, amountCents: 2500, currency: "EUR", outcome: "succeeded" } });
    await expect(requestRefund({ ctx: system(), input: { orderId, reason: "x", idempotencyKey: "k" } })).rejects.toMatchObject({ code: "NO_PAYMENT_TO_REFUND" });
  });

  it("gives the same checkout for the same order, as a provider's idempotent checkout does", async () => {
    const orderId = randomUUID();
    const request = { orderId, amountCents: 100, currency: "EUR", description: "1 ticket", expiresAt: new Date(), returnUrl: "http://localhost/orders/x" };
    expect(await testProvider.createCheckout(request)).toEqual(await testProvider.createCheckout(request));
    expect(testProvider.checkoutUrlFor(orderId)).toMatch(new RegExp(`/pay/${orderId}$`));
  });
});
