import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { createTestTokens } from "@/lib/domain/auth/test-fixtures";
import { confirmOrderPayment } from "@/lib/domain/bookings";
import { createEvent, publishEvent } from "@/lib/domain/events";
import { eventInput, resetEventsState } from "@/lib/domain/events/event-fixtures";
import { recordPaymentOutcome } from "@/lib/domain/payments";
import { testCtx } from "@/tests/harness/db";
import { callRoute, randomIp } from "../auth/_test/call-route";
import { POST as refund } from "./[id]/refunds/route";
import { POST as place } from "./route";

type Tokens = Awaited<ReturnType<typeof createTestTokens>>;

let organizer: Tokens;
let ann: Tokens;

beforeEach(async () => {
  await resetEventsState();
  [organizer, ann] = await Promise.all([createTestTokens({ role: "organizer" }), createTestTokens()]);
});

/** Ann's order of two 15.00 EUR tickets, paid (what the provider's notification does). */
async function paidOrder(): Promise<string> {
  const actor = { type: "user" as const, userId: organizer.userId, role: "organizer" as const, emailVerified: true, sessionId: organizer.sessionId };
  const event = await createEvent({ ctx: testCtx(actor), input: eventInput({ capacity: 10, priceCents: 1500 }) });
  await publishEvent({ ctx: testCtx(actor), input: { id: event.id } });
  const res = await callRoute(place, "POST", "/api/v1/orders", {
    token: ann.accessToken,
    body: { eventId: event.id, items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 2 }] },
    ip: randomIp(),
    headers: { "idempotency-key": randomUUID() },
  });
  const { id } = (await res.json()) as { id: string };
  await recordPaymentOutcome({ ctx: testCtx(), input: { orderId: id, provider: "test", paymentRef: `test_pi_${id}`, amountCents: 3000, currency: "EUR", status: "succeeded", at: new Date() } });
  await confirmOrderPayment({ ctx: testCtx(), input: { orderId: id, provider: "test", amountCents: 3000, currency: "EUR", paidAt: new Date() } });
  return id;
}

const refundAs = (who: Tokens, orderId: string, body: unknown) =>
  callRoute(refund, "POST", `/api/v1/orders/${orderId}/refunds`, { token: who.accessToken, params: { id: orderId }, body, ip: randomIp() });

describe("POST /api/v1/orders/:id/refunds", () => {
  it("refunds part of a paid order (201, tickets kept), refuses more than is left (422), then refunds the rest, which ends the order (409 after)", async () => {
    const orderId = await paidOrder();
    const part = await refundAs(organizer, orderId, { amountCents: 1000, reason: "The support act cancelled." });
    expect(part.status).toBe(201);
    expect(await part.json()).toMatchObject({
      refund: { orderId, amountCents: 1000, currency: "EUR", returnsOrder: false, status: "succeeded", reason: "The support act cancelled." },
      order: { id: orderId, status: "confirmed" },
    });
    const over = await refundAs(organizer, orderId, { amountCents: 2001, reason: "Too much" });
    expect(over.status).toBe(422);
    expect(await over.json()).toMatchObject({ code: "REFUND_EXCEEDS_PAYMENT" });
    const rest = await refundAs(organizer, orderId, { reason: "Refunding the rest." });
    expect(rest.status).toBe(201);
    expect(await rest.json()).toMatchObject({ refund: { amountCents: 2000, returnsOrder: true }, order: { status: "refunded", cancelledBy: "organizer" } });
    const again = await refundAs(organizer, orderId, { amountCents: 1, reason: "Once more" });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: "ORDER_NOT_PAID" });
  });

  it("answers the buyer 403, a stranger 404, and a reason that is missing 422", async () => {
    const orderId = await paidOrder();
    expect((await refundAs(ann, orderId, { reason: "Please refund me" })).status).toBe(403);
    expect((await refundAs(await createTestTokens({ role: "organizer" }), orderId, { reason: "Not mine" })).status).toBe(404);
    expect((await refundAs(organizer, orderId, { amountCents: 100 })).status).toBe(422);
  });
});
