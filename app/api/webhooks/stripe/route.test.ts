import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { refundPayment } from "@/inngest/functions/refund-payment";
import { sendOrderConfirmedEmailOnConfirm } from "@/inngest/functions/send-order-confirmed-email";
import { bookSeatsWithCheckout } from "@/lib/checkout";
import { getDb } from "@/lib/db/client";
import { createTestUser } from "@/lib/domain/auth/test-fixtures";
import { expireOrders } from "@/lib/domain/bookings";
import { bookings } from "@/lib/domain/bookings/schema";
import { publishedEvent } from "@/lib/domain/events/event-fixtures";
import { notifications, payments, refunds } from "@/lib/domain/payments/schema";
import { env } from "@/lib/env";
import { drainJobs } from "@/lib/jobs/drain";
import { outbox } from "@/lib/jobs/schema";
import { listMailbox } from "@/lib/mail/list-mailbox";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { STAND_IN_KEY, STAND_IN_WEBHOOK_SECRET, startStripeStandIn, type StripeStandIn } from "@/tests/harness/stripe-stand-in";
import { POST } from "./route";

const noParams = { params: Promise.resolve({}) };
const post = ({ rawBody, headers }: { rawBody: string; headers: Record<string, string> }) =>
  POST(new Request("http://localhost/api/webhooks/stripe", { method: "POST", body: rawBody, headers }), noParams);
const outcomeOf = async (res: Response) => ((await res.json()) as { outcome: string }).outcome;

const jobs = [refundPayment, sendOrderConfirmedEmailOnConfirm];
const drain = () => drainJobs({ db: getDb(), functions: jobs, timeoutMs: 20_000 });
const orderRow = async (id: string) => (await getDb().select().from(bookings).where(eq(bookings.id, id)))[0]!;
const mailsTo = async (to: string) => listMailbox(getDb(), { to, limit: 20 });

let standIn: StripeStandIn;
const saved = { ...env };

beforeAll(async () => {
  standIn = await startStripeStandIn(STAND_IN_WEBHOOK_SECRET);
  Object.assign(env, { PAYMENT_PROVIDER: "stripe", STRIPE_SECRET_KEY: STAND_IN_KEY, STRIPE_WEBHOOK_SECRET: STAND_IN_WEBHOOK_SECRET, STRIPE_API_BASE: standIn.url, STRIPE_TIMEOUT_MS: 2_000 });
});
afterAll(async () => {
  Object.assign(env, saved);
  await standIn.close();
});

async function stripeOrder({ capacity = 10, title = "Harbour Lights" } = {}) {
  const organizer = await createTestUser({ role: "organizer" });
  const buyer = await createTestUser();
  const event = await publishedEvent(organizer.actor, { title, capacity, priceCents: 2500 });
  const { booking } = await bookSeatsWithCheckout({ ctx: testCtx(buyer.actor), input: { eventId: event.id, quantity: 1, idempotencyKey: randomUUID() } });
  return { buyer, event, orderId: booking.id, session: standIn.sessionOf(booking.id) };
}

describe("POST /api/webhooks/stripe", () => {
  beforeEach(resetDatabase);

  it("opens one Stripe Checkout Session per order, keyed by the order, open at least Stripe's 30 minutes past a shorter hold", async () => {
    const before = Date.now();
    const { orderId, session } = await stripeOrder();
    const order = await orderRow(orderId);
    const [request] = standIn.requests.filter((r) => r.path === "/v1/checkout/sessions" && r.params.get("client_reference_id") === orderId);
    expect(request!.idempotencyKey).toMatch(new RegExp(`^evently-checkout:${orderId}:\\d+$`));
    expect(session).toMatchObject({ amount_total: 2500, currency: "eur", metadata: { evently_order_id: orderId }, success_url: expect.stringContaining(`/orders/${orderId}`) });
    expect(request!.params.get("payment_intent_data[metadata][evently_order_id]")).toBe(orderId);
    expect(order.expiresAt!.getTime()).toBeLessThan(before + 30 * 60_000);
    expect(session.expires_at * 1000).toBeGreaterThanOrEqual(before + 30 * 60_000);
    expect(order.checkoutUrl).toBe(session.url);
  });

  it("confirms once and mails the tickets once when the same Stripe event arrives 5 times concurrently", async () => {
    const { buyer, orderId, session } = await stripeOrder({ title: "Quay Jazz" });
    const completed = standIn.pay(session.id);
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(completed)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect((await Promise.all(answers.map(outcomeOf))).sort()).toEqual(["confirmed", "duplicate", "duplicate", "duplicate", "duplicate"]);
    await drain();
    await drain();
    expect(await orderRow(orderId)).toMatchObject({ status: "confirmed", paymentStatus: "succeeded" });
    expect(await getDb().select().from(payments)).toMatchObject([{ orderId, provider: "stripe", providerRef: session.payment_intent, status: "succeeded", amountCents: 2500, currency: "EUR" }]);
    expect((await mailsTo(buyer.email)).map((m) => m.subject)).toEqual(["Your tickets: Quay Jazz"]);
  });

  it("confirms a payment completed after its session expired and the hold lapsed, when the seat is still free", async () => {
    const { event, orderId, session } = await stripeOrder({ capacity: 1 });
    expect(await outcomeOf(await post(standIn.expire(session.id)))).toBe("checkout_expired");
    await expireOrders({ ctx: testCtx({ type: "system" }, { now: () => new Date(Date.now() + 31 * 60_000) }), input: { eventId: event.id } });
    expect((await orderRow(orderId)).status).toBe("expired");
    expect(await outcomeOf(await post(standIn.pay(session.id)))).toBe("confirmed");
    expect(await orderRow(orderId)).toMatchObject({ status: "confirmed", paymentStatus: "succeeded" });
    expect(standIn.refunds.filter((r) => r.payment_intent === session.payment_intent)).toEqual([]);
  });

  it("refunds in full through Stripe a payment completed after expiry when the seat went to someone else, with the reason for the buyer", async () => {
    const { buyer, event, orderId, session } = await stripeOrder({ capacity: 1, title: "Last Seat" });
    await post(standIn.expire(session.id));
    await expireOrders({ ctx: testCtx({ type: "system" }, { now: () => new Date(Date.now() + 31 * 60_000) }), input: { eventId: event.id } });
    const other = await createTestUser();
    const { booking: taken } = await bookSeatsWithCheckout({ ctx: testCtx(other.actor), input: { eventId: event.id, quantity: 1, idempotencyKey: randomUUID() } });
    const completed = standIn.pay(session.id);
    expect(await outcomeOf(await post(completed))).toBe("refund_due");
    await drain();
    expect(await orderRow(orderId)).toMatchObject({ status: "refunded", paymentStatus: "refunded" });
    const made = standIn.refunds.filter((r) => r.payment_intent === session.payment_intent);
    expect(made).toEqual([expect.objectContaining({ amount: 2500 })]);
    expect(await getDb().select().from(refunds)).toMatchObject([{ orderId, status: "succeeded", amountCents: 2500, providerRef: made[0]!.id }]);
    expect((await orderRow(taken.id)).status).toBe("awaiting_payment");
    // Stripe's charge.refunded for that refund is already on the books.
    expect(await outcomeOf(await post(standIn.refunded(session.payment_intent!, 2500)))).toBe("already_recorded");
    expect(await getDb().$count(refunds)).toBe(1);
    // The fact the buyer's money email is made from: how much went back, and why.
    const facts = await getDb().select().from(outbox).where(eq(outbox.name, "order.refunded"));
    expect(facts.map((f) => f.data)).toEqual([expect.objectContaining({ orderId, userId: buyer.id, amountCents: 2500, reason: expect.stringMatching(/sold to someone else/) })]);
  });

  it("answers a bad signature with 400 problem+json and changes nothing", async () => {
    const { orderId, session } = await stripeOrder();
    const completed = standIn.pay(session.id);
    const tampered = await post({ ...completed, rawBody: completed.rawBody.replace('"amount_total":2500', '"amount_total":1') });
    const unsigned = await post({ rawBody: completed.rawBody, headers: { "content-type": "application/json" } });
    const wrongSecret = await post({ ...completed, headers: { ...completed.headers, "stripe-signature": completed.headers["stripe-signature"]!.replace(/v1=[0-9a-f]+/, "v1=" + "0".repeat(64)) } });
    expect([tampered.status, unsigned.status, wrongSecret.status]).toEqual([400, 400, 400]);
    expect(tampered.headers.get("content-type")).toBe("application/problem+json");
    expect(await tampered.json()).toMatchObject({ status: 400, code: "SIGNATURE_INVALID" });
    expect(await unsigned.json()).toMatchObject({ code: "SIGNATURE_MISSING" });
    expect(await getDb().$count(notifications)).toBe(0);
    expect(await getDb().$count(payments)).toBe(0);
    expect(await orderRow(orderId)).toMatchObject({ status: "awaiting_payment", paymentStatus: "pending" });
  });

  it("records a declined card and still confirms when the buyer then pays on the same PaymentIntent", async () => {
    const { orderId, session } = await stripeOrder();
    expect(await outcomeOf(await post(standIn.decline(session.id)))).toBe("failed");
    expect(await orderRow(orderId)).toMatchObject({ status: "awaiting_payment", paymentStatus: "failed" });
    expect(await outcomeOf(await post(standIn.pay(session.id)))).toBe("confirmed");
    expect(await orderRow(orderId)).toMatchObject({ status: "confirmed", paymentStatus: "succeeded" });
    expect((await getDb().select().from(payments)).map((p) => p.status).sort()).toEqual(["failed", "succeeded"]);
  });

  it("refunds the order when its payment is refunded in Stripe's dashboard, once however often Stripe reports it", async () => {
    const { orderId, session } = await stripeOrder();
    await post(standIn.pay(session.id));
    const refunded = standIn.refunded(session.payment_intent!, 2500);
    expect(await outcomeOf(await post(refunded))).toBe("refund_recorded");
    expect(await outcomeOf(await post(standIn.refunded(session.payment_intent!, 2500)))).toBe("already_recorded");
    expect(await orderRow(orderId)).toMatchObject({ status: "refunded", paymentStatus: "refunded" });
    expect(await getDb().select().from(refunds)).toMatchObject([{ orderId, status: "succeeded", amountCents: 2500 }]);
    expect(standIn.refunds.filter((r) => r.payment_intent === session.payment_intent)).toEqual([]);
    // Money that went back in the dashboard reaches the buyer's email and analytics once, as the sale's refund.
    const facts = await getDb().select().from(outbox).where(eq(outbox.name, "payment.refunded"));
    expect(facts.map((f) => f.data)).toEqual([expect.objectContaining({ orderId, amountCents: 2500, returnsOrder: true, ofSale: true })]);
  });

  it("ignores a refund of a payment Evently never recorded", async () => {
    const { orderId, session } = await stripeOrder();
    standIn.pay(session.id);
    const res = await post(standIn.refunded(session.payment_intent!, 2500));
    expect(res.status).toBe(200);
    expect(await outcomeOf(res)).toBe("ignored");
    expect(await getDb().$count(refunds)).toBe(0);
    expect((await orderRow(orderId)).status).toBe("awaiting_payment");
  });

  it("acknowledges Stripe event types Evently does not use, and events of orders this database does not have", async () => {
    const { session } = await stripeOrder();
    const completed = standIn.pay(session.id);
    const foreign = JSON.parse(completed.rawBody) as { data: { object: { metadata: Record<string, string> } } };
    foreign.data.object.metadata.evently_order_id = randomUUID();
    const { rawBody, headers } = resign(JSON.stringify(foreign));
    const res = await post({ rawBody, headers });
    expect(res.status).toBe(200);
    expect(await outcomeOf(res)).toBe("unknown_order");
    expect(await getDb().$count(payments)).toBe(0);
  });
});

function resign(rawBody: string) {
  const { headers } = standIn.signPayload(rawBody);
  return { rawBody, headers };
}
