import { randomUUID } from "node:crypto";
import { expect, test, type APIResponse } from "@playwright/test";
import { accessToken, mailSubjects, verificationCode } from "./support/accounts";

/**
 * The public JSON API against the production server, as a third-party client uses it (API.md):
 * an attendee signs up and verifies through the mailbox, an organizer sells an event, the
 * attendee books with an idempotency key, replays it, and cancels; bad requests get problem+json.
 */
const PASSWORD = "amber lighthouse stairs 58";
const ORGANIZER = { email: "org1@evently.local", password: "evently-demo-2026" };

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A problem+json refusal (RFC 9457) with the stable code, and the request id every answer carries. */
async function expectProblem(res: APIResponse, status: number, code: string): Promise<Record<string, unknown>> {
  expect(res.status()).toBe(status);
  expect(res.headers()["content-type"]).toContain("application/problem+json");
  expect(res.headers()["x-request-id"]).toBeTruthy();
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ status, code, type: expect.any(String), title: expect.any(String) });
  return body;
}

test("a client signs up, verifies by mail, books an organizer's event once per idempotency key, and cancels", async ({ request }) => {
  // The organizer (a seeded demo account) creates and publishes an event.
  const organizer = await accessToken(request, ORGANIZER.email, ORGANIZER.password);
  const startsAt = new Date(Date.now() + 21 * 86_400_000);
  const title = `API Journey ${randomUUID().slice(0, 6)}`;
  const created = await request.post("/api/v1/events", {
    headers: bearer(organizer),
    data: { title, venue: "Wire Hall", startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(), capacity: 10, priceCents: 1500, currency: "EUR" },
  });
  expect(created.status()).toBe(201);
  const event = (await created.json()) as { id: string; status: string; version: number; seatsAvailable: number };
  expect(event).toMatchObject({ status: "draft", version: 1, seatsAvailable: 10 });
  const published = await request.post(`/api/v1/events/${event.id}/publish`, { headers: bearer(organizer) });
  expect(published.status()).toBe(200);
  expect(await published.json()).toMatchObject({ id: event.id, status: "published" });

  // A new attendee registers; signed in but unverified, they cannot book yet.
  const email = `api-${randomUUID().slice(0, 8)}@example.test`;
  const registered = await request.post("/api/v1/auth/register", { data: { email, password: PASSWORD, name: "Ada Api" } });
  expect(registered.status()).toBe(202);
  expect(await registered.json()).toEqual({ status: "verification_sent" });
  const unverified = await accessToken(request, email, PASSWORD);
  await expectProblem(
    await request.post(`/api/v1/events/${event.id}/bookings`, { headers: { ...bearer(unverified), "idempotency-key": randomUUID() }, data: { quantity: 1 } }),
    403,
    "EMAIL_NOT_VERIFIED",
  );

  // The code arrives in the dev mailbox; verifying it makes the account bookable.
  const verified = await request.post("/api/v1/auth/verify", { data: { email, code: await verificationCode(request, email) } });
  expect(verified.status()).toBe(200);
  expect(await verified.json()).toMatchObject({ user: { email, role: "attendee", emailVerified: true } });
  const attendee = await accessToken(request, email, PASSWORD);
  const me = await request.get("/api/v1/me", { headers: bearer(attendee) });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ user: { email, emailVerified: true } });

  // Two seats, once: the same key and body answer the same booking again, without booking twice.
  const key = randomUUID();
  const book = (quantity: number) =>
    request.post(`/api/v1/events/${event.id}/bookings`, { headers: { ...bearer(attendee), "idempotency-key": key }, data: { quantity } });
  const first = await book(2);
  expect(first.status()).toBe(201);
  const booking = (await first.json()) as { id: string; status: string; quantity: number; totalCents: number; items: { ticketCode: string }[] };
  // A booking is an order: a paid event's booking holds its seats until paid or expired.
  expect(booking).toMatchObject({ eventId: event.id, status: "awaiting_payment", quantity: 2, totalCents: 3000, currency: "EUR", expiresAt: expect.any(String) });
  expect(booking.items).toHaveLength(2);

  const replay = await book(2);
  expect(replay.status()).toBe(201);
  expect(replay.headers()["idempotent-replayed"]).toBe("true");
  expect(await replay.json()).toEqual(booking);
  await expectProblem(await book(3), 422, "IDEMPOTENCY_KEY_REUSED");

  const mine = await request.get("/api/v1/bookings", { headers: bearer(attendee) });
  expect(((await mine.json()) as { data: { id: string }[] }).data.map((b) => b.id)).toEqual([booking.id]);
  expect(((await (await request.get(`/api/v1/events/${event.id}`)).json()) as { seatsAvailable: number }).seatsAvailable).toBe(8);
  await expect
    .poll(() => mailSubjects(request, email), { timeout: 20_000, message: "the confirmation reaches the dev mailbox" })
    .toContain(`Complete your payment: ${title}`);

  // Cancelling an unpaid booking returns its held seats to the event at once.
  const cancelled = await request.post(`/api/v1/bookings/${booking.id}/cancel`, { headers: bearer(attendee) });
  expect(cancelled.status()).toBe(200);
  expect(await cancelled.json()).toMatchObject({ id: booking.id, status: "cancelled", cancelledAt: expect.any(String) });
  expect(((await (await request.get(`/api/v1/events/${event.id}`)).json()) as { seatsAvailable: number }).seatsAvailable).toBe(10);
  await expectProblem(await request.post(`/api/v1/bookings/${booking.id}/cancel`, { headers: bearer(attendee) }), 409, "INVALID_STATE");
});

test("bad requests get problem+json with a stable code, never a 5xx", async ({ request }) => {
  const attendee = await accessToken(request, "ann@evently.local", ORGANIZER.password);
  const { data } = (await (await request.get("/api/v1/events?limit=1")).json()) as { data: { id: string }[] };
  expect(data).toHaveLength(1);
  const bookings = `/api/v1/events/${data[0]!.id}/bookings`;

  await expectProblem(await request.get("/api/v1/me"), 401, "UNAUTHENTICATED");
  await expectProblem(await request.post(bookings, { headers: bearer(attendee), data: { quantity: 1 } }), 428, "IDEMPOTENCY_KEY_REQUIRED");
  const invalid = await expectProblem(
    await request.post(bookings, { headers: { ...bearer(attendee), "idempotency-key": randomUUID() }, data: { quantity: 0 } }),
    422,
    "VALIDATION_FAILED",
  );
  expect(invalid.errors).toEqual([expect.objectContaining({ path: "quantity" })]);
  await expectProblem(
    await request.post("/api/v1/auth/token", { headers: { "content-type": "application/json" }, data: Buffer.from("{ not json") }),
    400,
    "MALFORMED_JSON",
  );
  await expectProblem(await request.post("/api/v1/auth/token", { data: { email: "ann@evently.local", password: "not the password" } }), 401, "INVALID_CREDENTIALS");
});
