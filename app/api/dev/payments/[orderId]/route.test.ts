import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deliverTestPaymentNotification } from "@/inngest/functions/deliver-test-payment-notification";
import { placeOrder } from "@/lib/checkout";
import { getDb } from "@/lib/db/client";
import { createTestTokens } from "@/lib/domain/auth/test-fixtures";
import { bookings, ticketTypes } from "@/lib/domain/bookings/schema";
import { publishedEvent } from "@/lib/domain/bookings/test-fixtures";
import { env, type Env } from "@/lib/env";
import { drainJobs } from "@/lib/jobs/drain";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { POST } from "./route";

const pay = (orderId: string, body: unknown, token?: string) =>
  POST(
    new Request(`http://localhost/api/dev/payments/${orderId}`, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    }),
    { params: Promise.resolve({ orderId }) },
  );

async function awaitingOrder() {
  const buyer = await createTestTokens();
  const user = { type: "user" as const, userId: buyer.userId, role: "attendee" as const, emailVerified: true, sessionId: buyer.sessionId };
  const event = await publishedEvent({ priceCents: 1500 });
  const [type] = await getDb().select().from(ticketTypes).where(eq(ticketTypes.eventId, event.eventId));
  const { order } = await placeOrder({
    ctx: testCtx(user),
    input: { eventId: event.eventId, items: [{ ticketTypeId: type!.id, quantity: 2 }], idempotencyKey: randomUUID() },
  });
  return { order, token: buyer.accessToken };
}

const provider = env.PAYMENT_PROVIDER;

describe("POST /api/dev/payments/:orderId", () => {
  beforeEach(resetDatabase);
  afterEach(() => {
    env.PAYMENT_PROVIDER = provider;
  });

  it("pays the buyer's order through the signed notification: succeeded, then confirmed once the job delivered it", async () => {
    const { order, token } = await awaitingOrder();
    const res = await pay(order.id, { outcome: "succeeded" }, token);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ outcome: "succeeded", failureReason: null, order: { id: order.id } });
    await drainJobs({ db: getDb(), functions: [deliverTestPaymentNotification] });
    expect((await getDb().select().from(bookings).where(eq(bookings.id, order.id)))[0]).toMatchObject({ status: "confirmed", paymentStatus: "succeeded" });
  });

  it("answers a declined card with its reason and leaves the order awaiting payment", async () => {
    const { order, token } = await awaitingOrder();
    const res = await pay(order.id, { outcome: "declined" }, token);
    expect(await res.json()).toMatchObject({ outcome: "declined", failureReason: expect.stringMatching(/declined/), order: { status: "awaiting_payment" } });
  });

  it("is not found unless the test provider is configured, and refuses anonymous callers and other users with problem+json", async () => {
    const { order, token } = await awaitingOrder();
    expect((await pay(order.id, { outcome: "succeeded" })).status).toBe(401);
    const strangerTokens = await createTestTokens();
    const refused = await pay(order.id, { outcome: "succeeded" }, strangerTokens.accessToken);
    expect(refused.status).toBe(404);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    env.PAYMENT_PROVIDER = "stripe" as Env["PAYMENT_PROVIDER"];
    expect((await pay(order.id, { outcome: "succeeded" }, token)).status).toBe(404);
  });

  it("refuses an outcome it does not know with 422", async () => {
    const { order, token } = await awaitingOrder();
    expect((await pay(order.id, { outcome: "maybe" }, token)).status).toBe(422);
  });
});
