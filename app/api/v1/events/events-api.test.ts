import { beforeEach, describe, expect, it } from "vitest";
import { bookSeats } from "@/lib/domain/bookings";
import { createTestTokens, createTestUser } from "@/lib/domain/auth/test-fixtures";
import { eventInput, resetEventsState } from "@/lib/domain/events/event-fixtures";
import { testCtx } from "@/tests/harness/db";
import { callRoute } from "../auth/_test/call-route";
import { POST as cancel } from "./[id]/cancel/route";
import { POST as publish } from "./[id]/publish/route";
import { GET as getOne, PATCH as patch } from "./[id]/route";
import { GET as list, POST as create } from "./route";

type Json = Record<string, unknown> & { id: string; version: number };

let organizer: string;

beforeEach(async () => {
  await resetEventsState();
  organizer = (await createTestTokens({ role: "organizer" })).accessToken;
});

async function createDraft(token = organizer, overrides: Record<string, unknown> = {}): Promise<Json> {
  const res = await callRoute(create, "POST", "/api/v1/events", { token, body: eventInput(overrides) });
  expect(res.status).toBe(201);
  return res.json();
}

async function createPublished(token = organizer, overrides: Record<string, unknown> = {}): Promise<Json> {
  const draft = await createDraft(token, overrides);
  const res = await callRoute(publish, "POST", `/api/v1/events/${draft.id}/publish`, { token, params: { id: draft.id } });
  expect(res.status).toBe(200);
  return res.json();
}

const detail = (id: string, token?: string) => callRoute(getOne, "GET", `/api/v1/events/${id}`, { token, params: { id } });
const edit = (id: string, body: unknown, token = organizer) => callRoute(patch, "PATCH", `/api/v1/events/${id}`, { token, body, params: { id } });

describe("POST /api/v1/events", () => {
  it("creates a draft at version 1 in the documented shape", async () => {
    const event = await createDraft();
    expect(Object.keys(event).sort()).toEqual(
      [
        "id", "title", "description", "venue", "category", "startsAt", "endsAt", "capacity", "seatsAvailable", "priceCents",
        "currency", "status", "organizerId", "version", "createdAt", "updatedAt", "perUserLimit", "isPast", "coverImage", "timezone", "isOnline",
        "holdMinutes", "refundHoursBeforeStart", "ticketTypes", "organizationId", "nameChangeDeadline", "transfersAllowed", "cancellationReason",
      ].sort(),
    );
    expect(event).toMatchObject({ status: "draft", version: 1, capacity: 100, seatsAvailable: 100, priceCents: 2500, currency: "EUR", perUserLimit: 10, timezone: "UTC", holdMinutes: 10, refundHoursBeforeStart: null });
    expect(event.ticketTypes).toEqual([
      { id: expect.any(String), name: "General admission", description: "", priceCents: 2500, capacity: null, seatsAvailable: 100, salesStartAt: null, salesEndAt: null, perOrderMax: 10, hidden: false },
    ]);
    expect(event.startsAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("answers 401 without a token and 403 to an attendee", async () => {
    expect((await callRoute(create, "POST", "/api/v1/events", { body: eventInput() })).status).toBe(401);
    const attendee = (await createTestTokens({ role: "attendee" })).accessToken;
    const res = await callRoute(create, "POST", "/api/v1/events", { token: attendee, body: eventInput() });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });

  const start = "2031-06-01T19:00:00Z";
  const invalid: [string, Record<string, unknown>, string][] = [
    ["title too short", { title: "ab" }, "title"],
    ["title too long", { title: "x".repeat(201) }, "title"],
    ["title missing", { title: undefined }, "title"],
    ["onlineUrl over plain http", { onlineUrl: "http://meet.example.com/x" }, "onlineUrl"],
    ["onlineUrl not a link", { onlineUrl: "javascript:alert(1)" }, "onlineUrl"],
    ["description too long", { description: "x".repeat(5001) }, "description"],
    ["venue too short", { venue: "x" }, "venue"],
    ["venue too long", { venue: "x".repeat(201) }, "venue"],
    ["category with symbols", { category: "<script>" }, "category"],
    ["category too long", { category: "x".repeat(41) }, "category"],
    ["startsAt not a date-time", { startsAt: "next friday" }, "startsAt"],
    ["startsAt without a zone", { startsAt: "2031-06-01T19:00:00" }, "startsAt"],
    ["endsAt not a date-time", { endsAt: 12 }, "endsAt"],
    ["endsAt before startsAt", { startsAt: start, endsAt: "2031-06-01T18:00:00Z" }, "endsAt"],
    ["endsAt equal to startsAt", { startsAt: start, endsAt: start }, "endsAt"],
    ["capacity zero", { capacity: 0 }, "capacity"],
    ["capacity above a million", { capacity: 1_000_001 }, "capacity"],
    ["capacity fractional", { capacity: 1.5 }, "capacity"],
    ["capacity as a string", { capacity: "100" }, "capacity"],
    ["capacity missing", { capacity: undefined }, "capacity"],
    ["priceCents negative", { priceCents: -1 }, "priceCents"],
    ["priceCents fractional", { priceCents: 9.99 }, "priceCents"],
    ["currency lowercase", { currency: "eur" }, "currency"],
    ["currency of four letters", { currency: "EURO" }, "currency"],
    ["currency not in ISO 4217", { currency: "ZZZ" }, "currency"],
    ["perUserLimit zero", { perUserLimit: 0 }, "perUserLimit"],
    ["perUserLimit above 10", { perUserLimit: 11 }, "perUserLimit"],
  ];

  it.each(invalid)("answers 422 naming the field: %s", async (_rule, overrides, path) => {
    const res = await callRoute(create, "POST", "/api/v1/events", { token: organizer, body: eventInput(overrides) });
    expect(res.status).toBe(422);
    const problem = await res.json();
    expect(problem).toMatchObject({ status: 422, code: "VALIDATION_FAILED" });
    expect(problem.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it("keeps times in UTC and the zone as sent; a PATCH moves the zone, and a made-up zone is 422 on timezone", async () => {
    const event = await createDraft(organizer, { timezone: "Europe/Lisbon", startsAt: "2031-07-15T19:00:00+01:00", endsAt: "2031-07-15T22:00:00+01:00" });
    expect(event).toMatchObject({ timezone: "Europe/Lisbon", startsAt: "2031-07-15T18:00:00.000Z" });
    const moved = await (await edit(event.id, { version: 1, timezone: "America/New_York" })).json();
    expect(moved).toMatchObject({ timezone: "America/New_York", startsAt: "2031-07-15T18:00:00.000Z", version: 2 });
    const res = await callRoute(create, "POST", "/api/v1/events", { token: organizer, body: eventInput({ timezone: "Europe/Atlantis" }) });
    expect(res.status).toBe(422);
    expect((await res.json()).errors).toEqual([{ path: "timezone", message: "must be an IANA time zone, e.g. Europe/Lisbon" }]);
  });

  it("reports every invalid field at once, the time order included", async () => {
    const res = await callRoute(create, "POST", "/api/v1/events", {
      token: organizer,
      body: eventInput({ title: "x", capacity: 0, startsAt: start, endsAt: "2031-05-01T00:00:00Z" }),
    });
    expect((await res.json()).errors.map((e: { path: string }) => e.path).sort()).toEqual(["capacity", "endsAt", "title"]);
  });

  it("answers 400 to malformed JSON and 422 to a body that is not an object", async () => {
    const malformed = await create(
      new Request("http://localhost/api/v1/events", { method: "POST", headers: { authorization: `Bearer ${organizer}` }, body: "{not json" }),
      { params: Promise.resolve({}) },
    );
    expect(malformed.status).toBe(400);
    expect((await callRoute(create, "POST", "/api/v1/events", { token: organizer, body: null })).status).toBe(422);
    expect((await callRoute(create, "POST", "/api/v1/events", { token: organizer, body: [1, 2] })).status).toBe(422);
  });
});

describe("GET /api/v1/events/:id", () => {
  it("shows a draft to its organizer and an admin only; everyone else gets 404", async () => {
    const draft = await createDraft();
    const other = (await createTestTokens({ role: "organizer" })).accessToken;
    const admin = (await createTestTokens({ role: "admin" })).accessToken;

    expect((await detail(draft.id, organizer)).status).toBe(200);
    expect((await detail(draft.id, admin)).status).toBe(200);
    expect((await detail(draft.id)).status).toBe(404);
    expect((await detail(draft.id, other)).status).toBe(404);
    expect((await detail("not-a-uuid")).status).toBe(404);
    expect((await detail("00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("answers 401 to an invalid token rather than treating the caller as anonymous", async () => {
    const event = await createPublished();
    expect((await detail(event.id, "not-a-token")).status).toBe(401);
  });
});

describe("PATCH /api/v1/events/:id", () => {
  it("returns the event with version + 1", async () => {
    const event = await createDraft();
    const res = await edit(event.id, { version: 1, title: "Renamed night" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ title: "Renamed night", version: 2 });
  });

  it("lets exactly one of two concurrent PATCHes with the same version win: one 200, one 409 VERSION_CONFLICT", async () => {
    const event = await createPublished();
    const responses = await Promise.all([edit(event.id, { version: event.version, title: "Tab A" }), edit(event.id, { version: event.version, title: "Tab B" })]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = responses.find((r) => r.status === 409)!;
    expect(await loser.json()).toMatchObject({ code: "VERSION_CONFLICT" });
  });

  it("answers 404 on another organizer's draft and 403 on their published event", async () => {
    const draft = await createDraft();
    const published = await createPublished();
    const other = (await createTestTokens({ role: "organizer" })).accessToken;
    expect((await edit(draft.id, { version: 1, title: "Mine now" }, other)).status).toBe(404);
    expect((await edit(published.id, { version: published.version, title: "Mine now" }, other)).status).toBe(403);
    expect((await callRoute(publish, "POST", `/x`, { token: other, params: { id: draft.id } })).status).toBe(404);
    expect((await callRoute(cancel, "POST", `/x`, { token: other, params: { id: published.id } })).status).toBe(403);
  });

  it("answers 422 with the field path for a missing version, a bad field and an end before the stored start", async () => {
    const event = await createDraft();
    const paths = async (body: unknown) => (await (await edit(event.id, body)).json()).errors.map((e: { path: string }) => e.path);
    expect(await paths({ title: "No version" })).toEqual(["version"]);
    expect(await paths({ version: 1, capacity: -5 })).toEqual(["capacity"]);
    expect(await paths({ version: 1, endsAt: "2000-01-01T00:00:00Z" })).toEqual(["endsAt"]);
  });

  it("refuses a capacity below the seats sold with 422 CAPACITY_BELOW_SOLD on capacity", async () => {
    const event = await createPublished(organizer, { capacity: 10 });
    const buyer = await createTestUser({ role: "attendee" });
    await bookSeats({ ctx: testCtx(buyer.actor), input: { eventId: event.id, quantity: 4, idempotencyKey: "k1" } });

    const res = await edit(event.id, { version: event.version, capacity: 3 });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: "CAPACITY_BELOW_SOLD", errors: [{ path: "capacity" }] });
    const after = await (await detail(event.id)).json();
    expect(after).toMatchObject({ capacity: 10, seatsAvailable: 6, version: event.version });
  });
});

describe("POST /api/v1/events/:id/publish and /cancel", () => {
  it("publishes a draft, cancels it, and answers 409 INVALID_STATE from the wrong state", async () => {
    const draft = await createDraft();
    const call = (handler: typeof publish, action: string) =>
      callRoute(handler, "POST", `/api/v1/events/${draft.id}/${action}`, { token: organizer, params: { id: draft.id } });

    expect(await (await call(publish, "publish")).json()).toMatchObject({ status: "published", version: 2 });
    const again = await call(publish, "publish");
    expect([again.status, (await again.json()).code]).toEqual([409, "INVALID_STATE"]);
    expect(await (await call(cancel, "cancel")).json()).toMatchObject({ status: "cancelled", version: 3 });
    const twice = await call(cancel, "cancel");
    expect([twice.status, (await twice.json()).code]).toEqual([409, "INVALID_STATE"]);
  });

  it("answers 409 INVALID_STATE to publishing an event that has already ended", async () => {
    const ended = await createDraft(organizer, { startsAt: new Date(Date.now() - 7_200_000).toISOString(), endsAt: new Date(Date.now() - 60_000).toISOString() });
    const res = await callRoute(publish, "POST", `/api/v1/events/${ended.id}/publish`, { token: organizer, params: { id: ended.id } });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "INVALID_STATE", detail: "This event has already ended, so it can no longer be published." });
  });
});

describe("event times at the ends of the range", () => {
  it.each([
    ["startsAt", "0000-01-01T00:00:00Z"],
    ["endsAt", "9999-12-31T23:59:59-12:00"],
    ["startsAt", "1969-12-31T23:59:59Z"],
  ])("answers %s %s with 422 on that field", async (field, value) => {
    const res = await callRoute(create, "POST", "/api/v1/events", { token: organizer, body: eventInput({ [field]: value }) });
    expect(res.status).toBe(422);
    expect((await res.json()).errors.map((e: { path: string }) => e.path)).toContain(field);
  });

  it("takes an event that ends at the very last instant", async () => {
    const res = await callRoute(create, "POST", "/api/v1/events", { token: organizer, body: eventInput({ startsAt: "9999-12-31T20:00:00Z", endsAt: "9999-12-31T23:59:59+00:00" }) });
    expect(res.status).toBe(201);
  });
});

describe("GET /api/v1/events", () => {
  it("pages published events as { data, nextCursor } and shows an update on the very next read", async () => {
    const first = await createPublished(organizer, { title: "Alpha gig" });
    await createPublished(organizer, { title: "Beta gig", startsAt: "2031-07-01T19:00:00Z", endsAt: "2031-07-01T22:00:00Z" });
    await createDraft(organizer, { title: "Gamma draft" });

    const page1 = await (await callRoute(list, "GET", "/api/v1/events?limit=1")).json();
    expect(page1.data.map((e: Json) => e.title)).toEqual(["Alpha gig"]);
    const page2 = await (await callRoute(list, "GET", `/api/v1/events?limit=1&cursor=${page1.nextCursor}`)).json();
    expect(page2).toMatchObject({ data: [{ title: "Beta gig" }], nextCursor: null });

    await detail(first.id);
    expect((await edit(first.id, { version: first.version, title: "Alpha gig (late show)" })).status).toBe(200);
    expect((await (await callRoute(list, "GET", "/api/v1/events?limit=1")).json()).data[0].title).toBe("Alpha gig (late show)");
    expect((await (await detail(first.id)).json()).title).toBe("Alpha gig (late show)");
  });

  it("finds events by q and filters, and answers 422 for bad limits and dates", async () => {
    await createPublished(organizer, { title: "Harbour Jazz Festival", category: "music" });
    const titles = async (qs: string) => (await (await callRoute(list, "GET", `/api/v1/events?${qs}`)).json()).data.map((e: Json) => e.title);
    expect(await titles("q=harbour+jazz")).toEqual(["Harbour Jazz Festival"]);
    expect(await titles("q=festiv&category=music")).toEqual(["Harbour Jazz Festival"]);
    expect(await titles("category=tech")).toEqual([]);
    expect(await titles("q=&category=&from=&to=")).toEqual(["Harbour Jazz Festival"]);

    for (const [qs, path] of [
      ["limit=0", "limit"],
      ["limit=101", "limit"],
      ["limit=ten", "limit"],
      ["from=tomorrow", "from"],
      ["from=0000-01-01", "from"],
      ["to=10000-01-01", "to"],
      ["from=1969-12-31T23:59:59Z", "from"],
      ["from=2031-06-02&to=2031-06-01", "to"],
    ]) {
      const res = await callRoute(list, "GET", `/api/v1/events?${qs}`);
      expect([qs, res.status]).toEqual([qs, 422]);
      expect((await res.json()).errors[0].path).toBe(path);
    }
  });

  it("takes dates at both ends of the range: to=9999-12-31 and from=1970-01-01 answer 200", async () => {
    await createPublished(organizer, { title: "Harbour Jazz Festival" });
    for (const qs of ["to=9999-12-31", "from=1970-01-01", "from=1970-01-01&to=9999-12-31", "to=9999-12-31T23:59:59.999Z"]) {
      const res = await callRoute(list, "GET", `/api/v1/events?${qs}`);
      expect([qs, res.status]).toEqual([qs, 200]);
      expect((await res.json()).data.map((e: Json) => e.title)).toEqual(["Harbour Jazz Festival"]);
    }
  });

  it("answers 400 INVALID_CURSOR with the request id to a cursor it did not hand out", async () => {
    const impossible = Buffer.from(JSON.stringify(["2026-13-45T99:99:99.000000Z", "0b6a3f5e-8a4b-4c1e-9f2a-1d2c3b4a5f60"])).toString("base64url");
    for (const cursor of ["bogus", impossible, Buffer.from("1700000000000.not-a-uuid").toString("base64url")]) {
      const res = await callRoute(list, "GET", `/api/v1/events?cursor=${cursor}`, { headers: { "x-request-id": "req-cursor" } });
      expect([cursor, res.status]).toEqual([cursor, 400]);
      expect(res.headers.get("x-request-id")).toBe("req-cursor");
      expect(await res.json()).toMatchObject({ code: "INVALID_CURSOR", errors: [{ path: "cursor" }] });
    }
  });

  it("lists an organizer's own events of every status with scope=manage, and needs a token for it", async () => {
    await createDraft(organizer, { title: "My draft" });
    const res = await callRoute(list, "GET", "/api/v1/events?scope=manage", { token: organizer });
    expect((await res.json()).data.map((e: Json) => e.title)).toEqual(["My draft"]);
    expect((await callRoute(list, "GET", "/api/v1/events?scope=manage")).status).toBe(401);
  });
});
