import { beforeAll, describe, expect, it } from "vitest";
import { GET as securityEvents } from "@/app/api/v1/admin/security-events/route";
import { GET as users } from "@/app/api/v1/admin/users/route";
import { GET as daily } from "@/app/api/v1/analytics/daily/route";
import { callRoute } from "@/app/api/v1/auth/_test/call-route";
import { GET as myBookings } from "@/app/api/v1/bookings/route";
import { GET as eventWaitlist } from "@/app/api/v1/events/[id]/waitlist/route";
import { GET as events } from "@/app/api/v1/events/route";
import { GET as myWaitlist } from "@/app/api/v1/waitlist/route";
import { createTestTokens } from "@/lib/domain/auth/test-fixtures";
import { draftEvent, userActor } from "@/lib/domain/events/event-fixtures";
import { resetDatabase } from "@/tests/harness/db";

const id = "0b6a3f5e-8a4b-4c1e-9f2a-1d2c3b4a5f60";
const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const BAD_CURSORS = ["x", forge(["2026-13-45T99:99:99.000000Z", id]), forge(["2026-06-01T19:00:00.000000Z", "nope"]), forge({ at: 1 }), "%E2%98%83"];

let admin: string;
let eventId: string;

beforeAll(async () => {
  await resetDatabase();
  const owner = await createTestTokens({ role: "admin" });
  admin = owner.accessToken;
  eventId = (await draftEvent(userActor("admin", { userId: owner.userId }))).id;
});

describe("every list", () => {
  const lists = [
    ["/api/v1/bookings", myBookings],
    ["/api/v1/waitlist", myWaitlist],
    ["/api/v1/admin/users", users],
    ["/api/v1/admin/security-events", securityEvents],
    ["/api/v1/events", events],
    ["/api/v1/events/{id}/waitlist", eventWaitlist],
  ] as const;

  it.each(lists)("%s answers a cursor it did not hand out with 400 INVALID_CURSOR and the request id", async (path, handler) => {
    for (const cursor of BAD_CURSORS) {
      const url = `${path.replace("{id}", eventId)}?cursor=${cursor}`;
      const res = await callRoute(handler, "GET", url, { token: admin, params: { id: eventId }, headers: { "x-request-id": "req-cursor" } });
      expect([url, res.status]).toEqual([url, 400]);
      expect(res.headers.get("x-request-id")).toBe("req-cursor");
      expect(await res.json()).toMatchObject({ status: 400, code: "INVALID_CURSOR" });
    }
  });
});

describe("analytics dates", () => {
  it.each(["from=0000-01-01", "to=10000-01-01", "from=1969-12-31", "to=2026-02-30"])("answers %s with 422", async (qs) => {
    const res = await callRoute(daily, "GET", `/api/v1/analytics/daily?${qs}`, { token: admin });
    expect(res.status).toBe(422);
  });

  it("takes the last day of 9999", async () => {
    const res = await callRoute(daily, "GET", "/api/v1/analytics/daily?from=9999-12-01&to=9999-12-31", { token: admin });
    expect(res.status).toBe(200);
    expect((await res.json()).data).toHaveLength(31);
  });
});
