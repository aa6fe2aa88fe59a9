import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { createTestTokens } from "@/lib/domain/auth/test-fixtures";
import { createEvent, publishEvent } from "@/lib/domain/events";
import { eventInput, resetEventsState } from "@/lib/domain/events/event-fixtures";
import { testCtx } from "@/tests/harness/db";
import { callRoute, randomIp } from "../auth/_test/call-route";
import { POST as book } from "../events/[id]/bookings/route";
import { GET as eventWaitlist, POST as join } from "../events/[id]/waitlist/route";
import { PATCH as reprioritize, DELETE as leave } from "../waitlist/[id]/route";
import { GET as myWaitlist } from "../waitlist/route";
import { GET as audit } from "./[id]/audit/route";
import { POST as cancel } from "./[id]/cancel/route";
import { GET as getOne } from "./[id]/route";
import { GET as list } from "./route";

type Tokens = Awaited<ReturnType<typeof createTestTokens>>;
type Json = Record<string, unknown> & { id: string };

let organizer: Tokens;
let ann: Tokens;
let ben: Tokens;

beforeEach(async () => {
  await resetEventsState();
  [organizer, ann, ben] = await Promise.all([createTestTokens({ role: "organizer" }), createTestTokens(), createTestTokens()]);
});

const organizerActor = () => ({ type: "user" as const, userId: organizer.userId, role: "organizer" as const, emailVerified: true, sessionId: organizer.sessionId });

async function draftEvent(capacity = 10, perUserLimit = 10): Promise<string> {
  return (await createEvent({ ctx: testCtx(organizerActor()), input: eventInput({ capacity, priceCents: 1500, perUserLimit }) })).id;
}

async function liveEvent(capacity = 10, perUserLimit = 10): Promise<string> {
  const id = await draftEvent(capacity, perUserLimit);
  await publishEvent({ ctx: testCtx(organizerActor()), input: { id } });
  return id;
}

const bookAs = (who: Tokens, eventId: string, body: unknown, key: string | null = randomUUID()) =>
  callRoute(book, "POST", `/api/v1/events/${eventId}/bookings`, {
    token: who.accessToken,
    body,
    params: { id: eventId },
    ip: randomIp(),
    headers: key === null ? {} : { "idempotency-key": key },
  });

describe("POST /api/v1/events/:id/bookings", () => {
  it("books in the documented shape, a paid event's booking awaiting payment, and replays the same key with the same answer", async () => {
    const eventId = await liveEvent();
    const res = await bookAs(ann, eventId, { quantity: 2 }, "key-1");
    expect(res.status).toBe(201);
    const booking = (await res.json()) as Json;
    expect(booking).toMatchObject({ eventId, userId: ann.userId, quantity: 2, status: "awaiting_payment", totalCents: 3000, currency: "EUR", cancelledAt: null, expiresAt: expect.any(String) });
    expect(Object.keys(booking)).toEqual(expect.arrayContaining(["id", "items", "createdAt"]));
    const again = await bookAs(ann, eventId, { quantity: 2 }, "key-1");
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(booking);
    const list_ = await (await callRoute(list, "GET", "/api/v1/bookings", { token: ann.accessToken })).json();
    expect(list_).toMatchObject({ data: [{ id: booking.id }], nextCursor: null });

    const reused = await bookAs(ann, eventId, { quantity: 3 }, "key-1");
    expect(reused.status).toBe(422);
    expect(await reused.json()).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
  });

  it("requires an Idempotency-Key of at most 255 characters, a quantity of 1-10 and a verified user", async () => {
    const eventId = await liveEvent();
    const missing = await bookAs(ann, eventId, { quantity: 1 }, null);
    expect(missing.status).toBe(428);
    expect(await missing.json()).toMatchObject({ code: "IDEMPOTENCY_KEY_REQUIRED" });
    expect((await bookAs(ann, eventId, { quantity: 1 }, "k".repeat(256))).status).toBe(422);
    const tooMany = await bookAs(ann, eventId, { quantity: 11 });
    expect(tooMany.status).toBe(422);
    expect(await tooMany.json()).toMatchObject({ errors: [expect.objectContaining({ path: "quantity" })] });
    expect((await bookAs(ann, eventId, { quantity: "two" })).status).toBe(422);
    const unverified = await createTestTokens({ verified: false });
    const refused = await bookAs(unverified, eventId, { quantity: 1 });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "EMAIL_NOT_VERIFIED" });
    const anonymous = await callRoute(book, "POST", `/api/v1/events/${eventId}/bookings`, { body: { quantity: 1 }, params: { id: eventId }, headers: { "idempotency-key": "x" } });
    expect(anonymous.status).toBe(401);
  });

  it("answers SOLD_OUT, PER_USER_LIMIT and 404 as documented", async () => {
    const eventId = await liveEvent(4, 2);
    expect((await bookAs(ann, eventId, { quantity: 2 })).status).toBe(201);
    const overCap = await bookAs(ann, eventId, { quantity: 1 });
    expect(overCap.status).toBe(409);
    expect(await overCap.json()).toMatchObject({ code: "PER_USER_LIMIT" });
    expect((await bookAs(ben, eventId, { quantity: 2 })).status).toBe(201);
    const soldOut = await bookAs(ben, eventId, { quantity: 1 });
    expect(soldOut.status).toBe(409);
    expect(await soldOut.json()).toMatchObject({ code: "SOLD_OUT" });
    expect((await bookAs(ben, randomUUID(), { quantity: 1 })).status).toBe(404);
    expect((await bookAs(ben, "not-an-id", { quantity: 1 })).status).toBe(404);
  });

  it("answers 404 for someone else's draft, like an unknown event, to booking and waitlist alike; 409 to its organizer", async () => {
    const draftId = await draftEvent();
    const unknownId = randomUUID();
    for (const eventId of [draftId, unknownId]) {
      const booked = await bookAs(ann, eventId, { quantity: 1 });
      expect(booked.status).toBe(404);
      expect(await booked.json()).toMatchObject({ code: "NOT_FOUND" });
      const joined = await callRoute(join, "POST", `/api/v1/events/${eventId}/waitlist`, { token: ann.accessToken, body: { quantity: 1 }, params: { id: eventId } });
      expect(joined.status).toBe(404);
    }
    const own = await bookAs(organizer, draftId, { quantity: 1 });
    expect(own.status).toBe(409);
    expect(await own.json()).toMatchObject({ code: "EVENT_NOT_BOOKABLE" });
  });
});

describe("booking reads, cancel and audit", () => {
  it("shows a booking to its holder and organizer only, cancels once and audits for the organizer", async () => {
    const eventId = await liveEvent();
    const booking = (await (await bookAs(ann, eventId, { quantity: 1 })).json()) as Json;
    const as = (who: Tokens, handler: typeof getOne, method = "GET") =>
      callRoute(handler, method, `/api/v1/bookings/${booking.id}`, { token: who.accessToken, params: { id: booking.id }, ip: randomIp() });
    expect((await as(ann, getOne)).status).toBe(200);
    expect((await as(organizer, getOne)).status).toBe(200);
    expect((await as(ben, getOne)).status).toBe(404);
    expect((await as(ben, cancel, "POST")).status).toBe(404);
    expect((await as(ben, audit)).status).toBe(404);
    expect((await as(ann, audit)).status).toBe(403);

    const cancelled = await as(ann, cancel, "POST");
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ status: "cancelled", cancelledAt: expect.any(String) });
    const twice = await as(ann, cancel, "POST");
    expect(twice.status).toBe(409);
    expect(await twice.json()).toMatchObject({ code: "INVALID_STATE" });

    const trail = (await (await as(organizer, audit)).json()) as { data: { action: string; actorId: string; at: string }[] };
    expect(trail.data.map((a) => [a.action, a.actorId])).toEqual([
      ["booking.created", ann.userId],
      ["booking.cancelled", ann.userId],
    ]);
  });

  it("rate-limits booking changes per user with 429 and Retry-After", async () => {
    const eventId = await liveEvent(100);
    let res: Response | undefined;
    for (let n = 0; n < 61; n++) res = await bookAs(ann, eventId, { quantity: 1 }, `k-${n % 10}`);
    expect(res!.status).toBe(429);
    expect(res!.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(res!.headers.get("ratelimit-limit")).toBe("60");
  });
});

describe("waitlist routes", () => {
  it("joins only when sold out, lists positions, lets the organizer reorder and the user leave", async () => {
    const eventId = await liveEvent(1);
    const early = await callRoute(join, "POST", `/api/v1/events/${eventId}/waitlist`, { token: ann.accessToken, body: { quantity: 1 }, params: { id: eventId } });
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ code: "SEATS_AVAILABLE" });
    await bookAs(organizer, eventId, { quantity: 1 });

    const joined = await callRoute(join, "POST", `/api/v1/events/${eventId}/waitlist`, { token: ann.accessToken, body: { quantity: 1 }, params: { id: eventId } });
    expect(joined.status).toBe(201);
    const entry = (await joined.json()) as Json;
    expect(entry).toMatchObject({ eventId, userId: ann.userId, quantity: 1, priority: 0, position: 1, status: "waiting", bookingId: null });
    const again = await callRoute(join, "POST", `/api/v1/events/${eventId}/waitlist`, { token: ann.accessToken, body: { quantity: 1 }, params: { id: eventId } });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: "ALREADY_WAITLISTED" });
    const second = (await (await callRoute(join, "POST", `/api/v1/events/${eventId}/waitlist`, { token: ben.accessToken, body: { quantity: 1 }, params: { id: eventId } })).json()) as Json;
    expect(second.position).toBe(2);

    const byOrganizer = await callRoute(eventWaitlist, "GET", `/api/v1/events/${eventId}/waitlist`, { token: organizer.accessToken, params: { id: eventId } });
    expect(((await byOrganizer.json()) as { data: Json[] }).data.map((e) => e.id)).toEqual([entry.id, second.id]);
    expect((await callRoute(eventWaitlist, "GET", `/api/v1/events/${eventId}/waitlist`, { token: ann.accessToken, params: { id: eventId } })).status).toBe(403);

    const moved = await callRoute(reprioritize, "PATCH", `/api/v1/waitlist/${second.id}`, { token: organizer.accessToken, body: { priority: 3 }, params: { id: second.id } });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ priority: 3, position: 1 });
    expect((await callRoute(reprioritize, "PATCH", `/api/v1/waitlist/${second.id}`, { token: ben.accessToken, body: { priority: 9 }, params: { id: second.id } })).status).toBe(403);
    const mine = (await (await callRoute(myWaitlist, "GET", "/api/v1/waitlist", { token: ann.accessToken })).json()) as { data: Json[] };
    expect(mine.data).toEqual([expect.objectContaining({ id: entry.id, position: 2 })]);

    expect((await callRoute(leave, "DELETE", `/api/v1/waitlist/${entry.id}`, { token: ben.accessToken, params: { id: entry.id } })).status).toBe(404);
    expect((await callRoute(leave, "DELETE", `/api/v1/waitlist/${entry.id}`, { token: ann.accessToken, params: { id: entry.id } })).status).toBe(204);
  });
});
