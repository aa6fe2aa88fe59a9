import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { createTestTokens } from "@/lib/domain/auth/test-fixtures";
import { bookSeats } from "@/lib/domain/bookings";
import { eventInput, resetEventsState } from "@/lib/domain/events/event-fixtures";
import { testCtx } from "@/tests/harness/db";
import { callRoute } from "../auth/_test/call-route";
import { POST as publish } from "./[id]/publish/route";
import { GET as listCodes, POST as createCode } from "./[id]/promo-codes/route";
import { GET as getEvent } from "./[id]/route";
import { DELETE as deleteType, PATCH as patchType } from "./[id]/ticket-types/[typeId]/route";
import { GET as listTypes, POST as createType } from "./[id]/ticket-types/route";
import { POST as createEvent } from "./route";

type Json = Record<string, unknown>;
type Ticket = { id: string; name: string; hidden: boolean; priceCents: number };

let owner: { accessToken: string; userId: string };
let stranger: string;

beforeEach(async () => {
  await resetEventsState();
  owner = await createTestTokens({ role: "organizer" });
  stranger = (await createTestTokens({ role: "organizer" })).accessToken;
});

async function newEvent(published: boolean, body: Json = { priceCents: 0 }): Promise<{ id: string; ticketTypes: Ticket[] }> {
  const res = await callRoute(createEvent, "POST", "/api/v1/events", { token: owner.accessToken, body: eventInput(body) });
  expect(res.status).toBe(201);
  const event = await res.json();
  if (published) expect((await callRoute(publish, "POST", "/x", { token: owner.accessToken, params: { id: event.id } })).status).toBe(200);
  return event;
}

const addType = (id: string, body: unknown, token?: string) => callRoute(createType, "POST", `/api/v1/events/${id}/ticket-types`, { token, body, params: { id } });
const editType = (id: string, typeId: string, body: unknown, token?: string) =>
  callRoute(patchType, "PATCH", `/api/v1/events/${id}/ticket-types/${typeId}`, { token, body, params: { id, typeId } });
const removeType = (id: string, typeId: string, token?: string) => callRoute(deleteType, "DELETE", `/x`, { token, params: { id, typeId } });
const addCode = (id: string, body: unknown, token?: string) => callRoute(createCode, "POST", `/api/v1/events/${id}/promo-codes`, { token, body, params: { id } });

describe("ticket type routes", () => {
  it("adds a hidden type that the event JSON shows its organizer but not the public, and lists types by audience", async () => {
    const event = await newEvent(true);
    const res = await addType(event.id, { name: "Backstage", priceCents: 9900, capacity: 5, hidden: true }, owner.accessToken);
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const vip = await res.json();
    expect(vip).toMatchObject({ name: "Backstage", priceCents: 9900, capacity: 5, seatsAvailable: 5, hidden: true, position: 1, sold: 0, retiredAt: null });
    const mine = await (await callRoute(getEvent, "GET", "/x", { token: owner.accessToken, params: { id: event.id } })).json();
    expect(mine.ticketTypes.map((t: Ticket) => t.name)).toEqual(["General admission", "Backstage"]);
    const theirs = await (await callRoute(getEvent, "GET", "/x", { params: { id: event.id } })).json();
    expect(theirs.ticketTypes.map((t: Ticket) => t.name)).toEqual(["General admission"]);
    const publicList = await (await callRoute(listTypes, "GET", "/x", { params: { id: event.id } })).json();
    expect(publicList.data.map((t: Ticket) => t.name)).toEqual(["General admission"]);
  });

  it("checks 401, then the owner (403 published, 404 draft) before the body, then 422", async () => {
    const published = await newEvent(true);
    const draft = await newEvent(false);
    const invalid = { name: "", priceCents: -1 };
    expect((await addType(published.id, invalid)).status).toBe(401);
    const forbidden = await addType(published.id, invalid, stranger);
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).errors).toBeUndefined();
    expect((await addType(draft.id, invalid, stranger)).status).toBe(404);
    expect((await editType(published.id, published.ticketTypes[0]!.id, { capacity: 0 }, stranger)).status).toBe(403);
    expect((await removeType(draft.id, draft.ticketTypes[0]!.id, stranger)).status).toBe(404);
    expect((await callRoute(listTypes, "GET", "/x", { token: stranger, params: { id: draft.id } })).status).toBe(404);
    const refused = await addType(published.id, invalid, owner.accessToken);
    expect(refused.status).toBe(422);
    expect((await refused.json()).errors.map((e: { path: string }) => e.path).sort()).toEqual(["name", "priceCents"]);
    expect((await editType(published.id, randomUUID(), { name: "Ghost" }, owner.accessToken)).status).toBe(404);
  });

  it("answers 422 CAPACITY_BELOW_SOLD and 409 TICKET_TYPE_IN_USE once a type has sold, and deletes an unsold one with 204", async () => {
    const event = await newEvent(true);
    const general = event.ticketTypes[0]!;
    const buyer = { type: "user" as const, userId: randomUUID(), role: "attendee" as const, emailVerified: true, sessionId: null };
    await bookSeats({ ctx: testCtx(buyer), input: { eventId: event.id, quantity: 2, idempotencyKey: randomUUID() } });
    const below = await editType(event.id, general.id, { capacity: 1 }, owner.accessToken);
    expect(below.status).toBe(422);
    expect(await below.json()).toMatchObject({ code: "CAPACITY_BELOW_SOLD", errors: [{ path: "capacity" }] });
    const inUse = await removeType(event.id, general.id, owner.accessToken);
    expect(inUse.status).toBe(409);
    expect(await inUse.json()).toMatchObject({ code: "TICKET_TYPE_IN_USE" });
    const retired = await editType(event.id, general.id, { retired: true, capacity: 2 }, owner.accessToken);
    expect(await retired.json()).toMatchObject({ capacity: 2, sold: 2, seatsAvailable: 0, retiredAt: expect.any(String) });
    const late = await (await addType(event.id, { name: "Late", priceCents: 0 }, owner.accessToken)).json();
    expect((await removeType(event.id, late.id, owner.accessToken)).status).toBe(409);
    const spare = await (await addType(event.id, { name: "Spare", priceCents: 0 }, owner.accessToken)).json();
    expect((await removeType(event.id, spare.id, owner.accessToken)).status).toBe(204);
  });
});

describe("promo code routes", () => {
  it("creates codes, refuses the same code in another case with 409 PROMO_CODE_EXISTS, and lists them with uses", async () => {
    const event = await newEvent(true);
    const res = await addCode(event.id, { code: "Launch", percentOff: 25, maxUses: 100 }, owner.accessToken);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ code: "Launch", percentOff: 25, amountOffCents: null, maxUses: 100, uses: 0 });
    const again = await addCode(event.id, { code: "LAUNCH", amountOffCents: 500 }, owner.accessToken);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: "PROMO_CODE_EXISTS" });
    const both = await addCode(event.id, { code: "BOTH", percentOff: 5, amountOffCents: 5 }, owner.accessToken);
    expect(both.status).toBe(422);
    const list = await callRoute(listCodes, "GET", "/x", { token: owner.accessToken, params: { id: event.id } });
    expect(list.status).toBe(200);
    expect((await list.json()).data.map((c: Json) => [c.code, c.uses])).toEqual([["Launch", 0]]);
  });

  it("answers 401, 403 and 404 to those who may not manage the event, before reading the body", async () => {
    const published = await newEvent(true);
    const draft = await newEvent(false);
    const invalid = { code: "!", percentOff: 500 };
    expect((await addCode(published.id, invalid)).status).toBe(401);
    expect((await addCode(published.id, invalid, stranger)).status).toBe(403);
    expect((await addCode(draft.id, invalid, stranger)).status).toBe(404);
    expect((await callRoute(listCodes, "GET", "/x", { token: stranger, params: { id: published.id } })).status).toBe(403);
    expect((await callRoute(listCodes, "GET", "/x", { params: { id: published.id } })).status).toBe(401);
    const attendee = (await createTestTokens({ role: "attendee" })).accessToken;
    expect((await callRoute(listCodes, "GET", "/x", { token: attendee, params: { id: draft.id } })).status).toBe(404);
  });
});

describe("POST /api/v1/events with ticket types", () => {
  it("creates the types it was sent instead of General admission, and 422s a bad one by its path", async () => {
    const event = await newEvent(false, { holdMinutes: 20, ticketTypes: [{ name: "Adult", priceCents: 2000 }, { name: "Child", priceCents: 1000, perOrderMax: 4 }] });
    expect(event).toMatchObject({ holdMinutes: 20 });
    expect(event.ticketTypes.map((t) => [t.name, t.priceCents])).toEqual([["Adult", 2000], ["Child", 1000]]);
    const bad = await callRoute(createEvent, "POST", "/api/v1/events", { token: owner.accessToken, body: eventInput({ ticketTypes: [{ name: "Adult", priceCents: -5 }], holdMinutes: 0 }) });
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors.map((e: { path: string }) => e.path).sort()).toEqual(["holdMinutes", "ticketTypes.0.priceCents"]);
  });
});
