import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { applyBookingConfirmed, applyEventSnapshot } from "@/lib/domain/analytics";
import { createTestTokens } from "@/lib/domain/auth/test-fixtures";
import type { MemberRole, UserActor } from "@/lib/domain/context";
import { acceptInvitation, inviteMember, withMemberships } from "@/lib/domain/organizations";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { GET as getDaily } from "./daily/route";
import { GET as getEvent } from "./events/[id]/route";
import { GET as getTop } from "./top-events/route";

type Who = "owner" | "finance" | "checkin" | "outsider";
const tokens = {} as Record<Who, string>;
const eventId = randomUUID();

const actorOf = (t: { userId: string; sessionId: string }): UserActor => ({ type: "user", userId: t.userId, role: "attendee", emailVerified: true, sessionId: t.sessionId });

async function call(handler: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>, url: string, who: Who, params: Record<string, string> = {}) {
  const res = await handler(new Request(`http://localhost${url}`, { headers: { authorization: `Bearer ${tokens[who]}` } }), { params: Promise.resolve(params) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { data: Record<string, unknown>[] } };
}

beforeAll(async () => {
  await resetDatabase();
  const owner = await createTestTokens({ role: "organizer" });
  const outsider = await createTestTokens({ role: "organizer" });
  tokens.owner = owner.accessToken;
  tokens.outsider = outsider.accessToken;
  const ownerActor = await withMemberships(testCtx(), { ...actorOf(owner), role: "organizer" });
  const organizationId = ownerActor.memberships![0]!.organizationId;
  for (const role of ["finance", "checkin"] as const satisfies MemberRole[]) {
    const member = await createTestTokens();
    const invitation = await inviteMember({ ctx: testCtx(ownerActor), input: { organizationId, email: member.email, role } });
    await acceptInvitation({ ctx: testCtx(actorOf(member)), input: { id: invitation.id } });
    tokens[role] = member.accessToken;
  }
  // A manager made the event: its organization, not its maker, decides who reads its figures.
  const now = new Date().toISOString();
  const snapshot = { eventId, organizerId: randomUUID(), organizationId, title: "Quayside", capacity: 40, currency: "EUR", status: "published", startsAt: now, endsAt: now, version: 1 };
  await applyEventSnapshot({ ctx: testCtx(), input: { outboxId: randomUUID(), name: "event.published", fact: snapshot } });
  const sale = { bookingId: randomUUID(), eventId, organizerId: snapshot.organizerId, quantity: 4, totalCents: 8_000, currency: "EUR", confirmedAt: now };
  await applyBookingConfirmed({ ctx: testCtx(), input: { outboxId: randomUUID(), fact: sale } });
});

describe("analytics API for organization members", () => {
  it("gives the owner and the finance member the organization's event, its day and its ranking", async () => {
    for (const who of ["owner", "finance"] as const) {
      expect((await call(getEvent, `/api/v1/analytics/events/${eventId}`, who, { id: eventId })).body).toMatchObject({ eventId, seatsSold: 4, grossCents: 8_000 });
      expect((await call(getDaily, "/api/v1/analytics/daily", who)).body.data.at(-1)).toMatchObject({ seatsSold: 4, grossCents: 8_000 });
      expect((await call(getTop, "/api/v1/analytics/top-events", who)).body.data.map((e) => e.eventId)).toEqual([eventId]);
    }
  });

  it("answers 403 to check-in staff on every analytics read", async () => {
    expect((await call(getEvent, `/api/v1/analytics/events/${eventId}`, "checkin", { id: eventId })).status).toBe(403);
    expect((await call(getDaily, "/api/v1/analytics/daily", "checkin")).status).toBe(403);
    expect((await call(getTop, "/api/v1/analytics/top-events", "checkin")).status).toBe(403);
  });

  it("answers 404 for the event to another organization's owner and counts none of its sales", async () => {
    expect((await call(getEvent, `/api/v1/analytics/events/${eventId}`, "outsider", { id: eventId })).status).toBe(404);
    expect((await call(getDaily, "/api/v1/analytics/daily", "outsider")).body.data.at(-1)).toMatchObject({ seatsSold: 0, grossCents: 0 });
    expect((await call(getTop, "/api/v1/analytics/top-events", "outsider")).body.data).toEqual([]);
  });
});
