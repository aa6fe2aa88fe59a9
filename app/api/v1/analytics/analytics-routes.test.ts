import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, issueTokens, seedUsers } from "@/lib/domain/auth";
import { applyBookingCancelled, applyBookingConfirmed, applyBookingFacts, applyEventSnapshot } from "@/lib/domain/analytics";
import { addDays, todayUtc } from "@/lib/domain/analytics/utc-dates";
import { orderOnRecord } from "@/lib/domain/bookings/test-fixtures";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { GET as getDaily } from "./daily/route";
import { GET as getEvent } from "./events/[id]/route";
import { GET as getSystem } from "./system/route";
import { GET as getTop } from "./top-events/route";

type Who = "admin" | "org1" | "org2" | "ann";
const tokens = {} as Record<Who, string>;
const ids = {} as Record<Who, string>;
const eventA = randomUUID();
const eventB = randomUUID();
const today = todayUtc(new Date());

async function call(
  handler: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>,
  url: string,
  who?: Who,
  params: Record<string, string> = {},
) {
  const headers = who ? { authorization: `Bearer ${tokens[who]}` } : undefined;
  const res = await handler(new Request(`http://localhost${url}`, { headers }), { params: Promise.resolve(params) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { data: Record<string, unknown>[] } };
}

function snapshot(eventId: string, organizerId: string, title: string, capacity: number) {
  const startsAt = new Date(Date.now() + 86_400_000).toISOString();
  return { eventId, organizerId, title, venue: "Hall", category: "music", capacity, priceCents: 1000, currency: "EUR", startsAt, endsAt: startsAt, status: "published", version: 1 };
}

function booking(eventId: string, organizerId: string, quantity: number, confirmedAt: string) {
  return { bookingId: randomUUID(), eventId, userId: ids.ann, organizerId, quantity, totalCents: quantity * 1000, currency: "EUR", source: "direct", confirmedAt };
}

beforeAll(async () => {
  await resetDatabase();
  const ctx = testCtx();
  await seedUsers({ ctx, input: { demo: true } });
  for (const who of ["admin", "org1", "org2", "ann"] as const) {
    const pair = await issueTokens({ ctx, input: { email: `${who}@evently.local`, password: DEMO_PASSWORD } });
    tokens[who] = pair.accessToken;
    const me = JSON.parse(Buffer.from(pair.accessToken.split(".")[1]!, "base64url").toString()) as { sub: string };
    ids[who] = me.sub;
  }
  await applyEventSnapshot({ ctx, input: { outboxId: randomUUID(), name: "event.created", fact: snapshot(eventA, ids.org1, "Alpha", 40) } });
  await applyEventSnapshot({ ctx, input: { outboxId: randomUUID(), name: "event.created", fact: snapshot(eventB, ids.org2, "Beta", 10) } });
  const yesterday = `${addDays(today, -1)}T10:00:00.000Z`;
  await applyBookingConfirmed({ ctx, input: { outboxId: randomUUID(), fact: booking(eventA, ids.org1, 3, yesterday) } });
  const cancelled = booking(eventA, ids.org1, 2, `${today}T00:00:01.000Z`);
  await applyBookingConfirmed({ ctx, input: { outboxId: randomUUID(), fact: cancelled } });
  await applyBookingCancelled({ ctx, input: { outboxId: randomUUID(), fact: { ...cancelled, cancelledBy: "holder", cancelledAt: new Date().toISOString() } } });
  await orderOnRecord({ orderId: cancelled.bookingId, eventId: eventA, organizerId: ids.org1, quantity: 2, totalCents: 2000, currency: "EUR" });
  const refunded = { refundId: randomUUID(), orderId: cancelled.bookingId, amountCents: 2000, currency: "EUR", refundedAt: new Date().toISOString(), ofSale: true };
  await applyBookingFacts({ ctx, input: { facts: [{ outboxId: randomUUID(), name: "payment.refunded", fact: refunded }] } });
  await applyBookingConfirmed({ ctx, input: { outboxId: randomUUID(), fact: booking(eventB, ids.org2, 5, `${today}T01:00:00.000Z`) } });
});

describe("GET /api/v1/analytics/events/:id", () => {
  it("gives the owner the event's current totals", async () => {
    const { status, body } = await call(getEvent, `/api/v1/analytics/events/${eventA}`, "org1", { id: eventA });
    expect(status).toBe(200);
    expect(body).toMatchObject({ eventId: eventA, capacity: 40, seatsSold: 3, bookingsConfirmed: 1, bookingsCancelled: 1, revenueCents: 3000, grossCents: 5000, refundsCents: 2000, netCents: 3000, waitlistWaiting: 0, fillRate: 0.075 });
    expect(typeof body.updatedAt).toBe("string");
  });

  it("answers 404 to another organizer, 403 to an attendee, 401 without a token, and 200 to an admin", async () => {
    expect((await call(getEvent, `/api/v1/analytics/events/${eventA}`, "org2", { id: eventA })).status).toBe(404);
    expect((await call(getEvent, `/api/v1/analytics/events/${eventA}`, "ann", { id: eventA })).status).toBe(403);
    expect((await call(getEvent, `/api/v1/analytics/events/${eventA}`, undefined, { id: eventA })).status).toBe(401);
    expect((await call(getEvent, `/api/v1/analytics/events/${eventA}`, "admin", { id: eventA })).status).toBe(200);
  });

  it("answers 404 for an unknown or malformed id, never a 5xx", async () => {
    expect((await call(getEvent, `/api/v1/analytics/events/x`, "org1", { id: "not-a-uuid'" })).status).toBe(404);
    expect((await call(getEvent, `/api/v1/analytics/events/x`, "admin", { id: randomUUID() })).status).toBe(404);
  });
});

describe("GET /api/v1/analytics/daily", () => {
  it("defaults to the last 30 UTC days through today, every day present", async () => {
    const { status, body } = await call(getDaily, "/api/v1/analytics/daily", "org1");
    expect(status).toBe(200);
    expect(body.data).toHaveLength(30);
    expect(body.currency).toBe("EUR");
    // Today sold 2000 and refunded 2000: net 0, in EUR only.
    expect(body.data.at(-1)).toMatchObject({ date: today, bookings: 1, seatsSold: 2, cancellations: 1, revenueCents: 0, grossCents: 2000, refundsCents: 2000, netCents: 0 });
    expect(body.data.at(-2)).toMatchObject({ date: addDays(today, -1), bookings: 1, seatsSold: 3 });
    expect(body.data[0]).toMatchObject({ date: addDays(today, -29), bookings: 0, seatsSold: 0, cancellations: 0, revenueCents: 0 });
  });

  it("sums only the caller's events; an admin sees all, and may filter by event", async () => {
    const mine = await call(getDaily, `/api/v1/analytics/daily?from=${today}&to=${today}`, "org2");
    expect(mine.body.data).toEqual([expect.objectContaining({ date: today, bookings: 1, seatsSold: 5 })]);
    const all = await call(getDaily, `/api/v1/analytics/daily?from=${today}&to=${today}`, "admin");
    expect(all.body.data).toEqual([expect.objectContaining({ bookings: 2, seatsSold: 7, cancellations: 1 })]);
    const one = await call(getDaily, `/api/v1/analytics/daily?from=${today}&to=${today}&eventId=${eventB}`, "admin");
    expect(one.body.data).toEqual([expect.objectContaining({ bookings: 1, seatsSold: 5 })]);
  });

  it("answers 404 when an organizer filters by another organizer's event", async () => {
    expect((await call(getDaily, `/api/v1/analytics/daily?eventId=${eventB}`, "org1")).status).toBe(404);
  });

  it("rolls days up into ISO weeks and months", async () => {
    const week = await call(getDaily, `/api/v1/analytics/daily?from=${addDays(today, -13)}&to=${today}&bucket=week`, "admin");
    expect(week.status).toBe(200);
    const total = (rows: Record<string, unknown>[]) => rows.reduce((n, r) => n + (r.seatsSold as number), 0);
    expect(total(week.body.data)).toBe(10);
    expect(week.body.data.every((r) => new Date(`${r.date as string}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
    const month = await call(getDaily, `/api/v1/analytics/daily?from=${addDays(today, -13)}&to=${today}&bucket=month`, "admin");
    expect(total(month.body.data)).toBe(10);
    expect(month.body.data.every((r) => (r.date as string).endsWith("-01"))).toBe(true);
  });

  it.each([
    ["from=2026-02-30", "an impossible date"],
    ["from=26-01-01", "a malformed date"],
    ["from=2026-03-02&to=2026-03-01", "from after to"],
    ["from=2024-01-01&to=2025-01-02", "more than 366 days"],
    ["bucket=year", "an unknown bucket"],
  ])("answers 422 for %s (%s)", async (qs) => {
    const { status, body } = await call(getDaily, `/api/v1/analytics/daily?${qs}`, "org1");
    expect(status).toBe(422);
    expect(body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: expect.any(String), message: expect.any(String) })]));
  });

  it("accepts exactly 366 days", async () => {
    const { status, body } = await call(getDaily, "/api/v1/analytics/daily?from=2024-01-01&to=2024-12-31", "org1");
    expect(status).toBe(200);
    expect(body.data).toHaveLength(366);
  });

  it("is not for attendees", async () => {
    expect((await call(getDaily, "/api/v1/analytics/daily", "ann")).status).toBe(403);
  });
});

describe("GET /api/v1/analytics/top-events", () => {
  it("ranks only the caller's events for an organizer, all events for an admin", async () => {
    const mine = await call(getTop, "/api/v1/analytics/top-events?by=seats", "org1");
    expect(mine.body.data.map((e) => e.eventId)).toEqual([eventA]);
    const all = await call(getTop, "/api/v1/analytics/top-events?by=seats", "admin");
    expect(all.body.data.map((e) => [e.title, e.seatsSold])).toEqual([["Beta", 5], ["Alpha", 3]]);
    const limited = await call(getTop, "/api/v1/analytics/top-events?by=revenue&limit=1", "admin");
    expect(limited.body.data).toEqual([expect.objectContaining({ eventId: eventB, title: "Beta", seatsSold: 5, revenueCents: 5000 })]);
  });

  it.each(["by=price", "limit=0", "limit=101", "limit=abc"])("answers 422 for %s", async (qs) => {
    expect((await call(getTop, `/api/v1/analytics/top-events?${qs}`, "admin")).status).toBe(422);
  });
});

describe("GET /api/v1/analytics/system", () => {
  it("gives an admin the system-wide numbers", async () => {
    const { status, body } = await call(getSystem, "/api/v1/analytics/system", "admin");
    expect(status).toBe(200);
    expect(body).toEqual({
      users: 6,
      events: 2,
      bookings: 2,
      seatsSold: 8,
      revenueCents: 8000,
      waitlistWaiting: 0,
      jobsBacklog: expect.any(Number),
      currency: "EUR",
      revenue: [{ currency: "EUR", grossCents: 10000, refundsCents: 2000, netCents: 8000 }],
    });
  });

  it("answers 403 to organizers and attendees", async () => {
    expect((await call(getSystem, "/api/v1/analytics/system", "org1")).status).toBe(403);
    expect((await call(getSystem, "/api/v1/analytics/system", "ann")).status).toBe(403);
  });
});
