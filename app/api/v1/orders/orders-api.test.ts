import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createTestTokens } from "@/lib/domain/auth/test-fixtures";
import { promoCodes, ticketTypes } from "@/lib/domain/bookings/schema";
import { createEvent, publishEvent } from "@/lib/domain/events";
import { eventInput, resetEventsState } from "@/lib/domain/events/event-fixtures";
import { testCtx } from "@/tests/harness/db";
import { callRoute, randomIp } from "../auth/_test/call-route";
import { GET as getBooking } from "../bookings/[id]/route";
import { GET as listBookings } from "../bookings/route";
import { POST as cancel } from "./[id]/cancel/route";
import { GET as getOne } from "./[id]/route";
import { GET as list, POST as place } from "./route";

type Tokens = Awaited<ReturnType<typeof createTestTokens>>;
type Json = Record<string, unknown> & { id: string };

let organizer: Tokens;
let ann: Tokens;
let ben: Tokens;

beforeEach(async () => {
  await resetEventsState();
  [organizer, ann, ben] = await Promise.all([createTestTokens({ role: "organizer" }), createTestTokens(), createTestTokens()]);
});

/** A live paid event selling General admission (from the event) and a VIP type with a 20 % code for it. */
async function liveEventWithVip() {
  const actor = { type: "user" as const, userId: organizer.userId, role: "organizer" as const, emailVerified: true, sessionId: organizer.sessionId };
  const { id } = await createEvent({ ctx: testCtx(actor), input: eventInput({ capacity: 10, priceCents: 1500 }) });
  await publishEvent({ ctx: testCtx(actor), input: { id } });
  const [vip] = await getDb().insert(ticketTypes).values({ eventId: id, name: "VIP", priceCents: 4000, capacity: 2, position: 1 }).returning();
  await getDb().insert(promoCodes).values({ eventId: id, code: "VIP20", percentOff: 20, ticketTypeIds: [vip!.id] });
  const [ga] = (await getDb().select().from(ticketTypes)).filter((t) => t.eventId === id && t.name === "General admission");
  return { eventId: id, ga: ga!, vip: vip! };
}

const placeAs = (who: Tokens, body: unknown, key: string | null = randomUUID()) =>
  callRoute(place, "POST", "/api/v1/orders", { token: who.accessToken, body, ip: randomIp(), headers: key === null ? {} : { "idempotency-key": key } });
const as = (who: Tokens, handler: Parameters<typeof callRoute>[0], path: string, method = "GET", params: Record<string, string> = {}) =>
  callRoute(handler, method, path, { token: who.accessToken, params, ip: randomIp() });

describe("/api/v1/orders", () => {
  it("places a two-type order with a code, awaiting payment at the test provider's page, and replays its key", async () => {
    const { eventId, ga, vip } = await liveEventWithVip();
    const body = { eventId, items: [{ ticketTypeId: ga.id, quantity: 1 }, { ticketTypeId: vip.id, quantity: 2 }], promoCode: "vip20" };
    const res = await placeAs(ann, body, "order-1");
    expect(res.status).toBe(201);
    const order = (await res.json()) as Json;
    expect(order).toMatchObject({ status: "awaiting_payment", subtotalCents: 9500, discountCents: 1600, totalCents: 7900, promoCode: "vip20", payment: { provider: "test", status: "pending" } });
    expect((order.payment as { checkoutUrl: string }).checkoutUrl).toMatch(new RegExp(`/pay/${order.id}$`));
    expect(order.tickets).toHaveLength(3);
    const again = await placeAs(ann, body, "order-1");
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(order);
    const soldOut = await placeAs(ben, { eventId, items: [{ ticketTypeId: vip.id, quantity: 1 }] });
    expect(soldOut.status).toBe(409);
    expect(await soldOut.json()).toMatchObject({ code: "SOLD_OUT" });
    const badCode = await placeAs(ben, { eventId, items: [{ ticketTypeId: ga.id, quantity: 1 }], promoCode: "VIP20" });
    expect(badCode.status).toBe(422);
    expect(await badCode.json()).toMatchObject({ code: "PROMO_CODE_INVALID" });
    expect((await placeAs(ben, { eventId, items: [{ ticketTypeId: ga.id, quantity: 1 }] }, null)).status).toBe(428);
  });

  it("shows an order to its buyer and organizer only, as the same record under /bookings, and cancels an unpaid one with its seats back", async () => {
    const { eventId, ga } = await liveEventWithVip();
    const order = (await (await placeAs(ann, { eventId, items: [{ ticketTypeId: ga.id, quantity: 2 }] })).json()) as Json;
    const path = `/api/v1/orders/${order.id}`;
    expect((await as(ann, getOne, path, "GET", { id: order.id })).status).toBe(200);
    expect((await as(organizer, getOne, path, "GET", { id: order.id })).status).toBe(200);
    expect((await as(ben, getOne, path, "GET", { id: order.id })).status).toBe(404);
    expect((await as(ben, cancel, `${path}/cancel`, "POST", { id: order.id })).status).toBe(404);
    const booking = (await (await as(ann, getBooking, `/api/v1/bookings/${order.id}`, "GET", { id: order.id })).json()) as Json;
    expect(booking).toMatchObject({ id: order.id, status: "awaiting_payment", quantity: 2, totalCents: 3000 });
    const mine = (await (await as(ann, list, "/api/v1/orders")).json()) as { data: Json[] };
    const myBookings = (await (await as(ann, listBookings, "/api/v1/bookings")).json()) as { data: Json[] };
    expect(mine.data.map((o) => o.id)).toEqual([order.id]);
    expect(myBookings.data.map((b) => b.id)).toEqual([order.id]);
    const cancelled = await as(ann, cancel, `${path}/cancel`, "POST", { id: order.id });
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ status: "cancelled", cancelledBy: "holder" });
    expect((await as(ann, cancel, `${path}/cancel`, "POST", { id: order.id })).status).toBe(409);
    const next = await placeAs(ben, { eventId, items: [{ ticketTypeId: ga.id, quantity: 8 }] });
    expect(next.status).toBe(201);
  });
});
