import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { callRoute } from "@/app/api/v1/auth/_test/call-route";
import { getDb } from "@/lib/db/client";
import { createTestTokens, createTestUser } from "@/lib/domain/auth/test-fixtures";
import { bookSeats, cancelBooking } from "@/lib/domain/bookings";
import type { MemberRole, UserActor } from "@/lib/domain/context";
import { publishedEvent, resetEventsState } from "@/lib/domain/events/event-fixtures";
import { acceptInvitation, inviteMember, withMemberships } from "@/lib/domain/organizations";
import { outbox } from "@/lib/jobs/schema";
import { testCtx } from "@/tests/harness/db";
import { POST as checkIn } from "./route";

type Json = Record<string, unknown>;

const load = (actor: UserActor) => withMemberships(testCtx(actor), actor);

/** An organizer's organization with a member of `role` signed in over the API. */
async function member(owner: UserActor, role: MemberRole) {
  const organizationId = owner.memberships![0]!.organizationId;
  const user = await createTestTokens({ name: `Door ${role}` });
  const invitation = await inviteMember({ ctx: testCtx(owner), input: { organizationId, email: user.email, role } });
  const actor = await load({ type: "user", userId: user.userId, role: "attendee", emailVerified: true, sessionId: user.sessionId });
  await acceptInvitation({ ctx: testCtx(actor), input: { id: invitation.id } });
  return user;
}

async function door() {
  const organizer = await createTestUser({ role: "organizer", name: "Olga" });
  const owner = await load(organizer.actor);
  const event = await publishedEvent(owner, { priceCents: 0 });
  const buyer = await createTestUser({ name: "Ada Lovelace" });
  const { booking } = await bookSeats({ ctx: testCtx(buyer.actor), input: { eventId: event.id, quantity: 2, idempotencyKey: randomUUID() } });
  return { owner, buyer, event, booking, codes: booking.items.map((i) => i.ticketCode) };
}

const scan = (eventId: string, token: string, body: unknown) => callRoute(checkIn, "POST", `/api/v1/events/${eventId}/check-ins`, { token, body, params: { id: eventId } });

describe("POST /api/v1/events/:id/check-ins", () => {
  beforeEach(resetEventsState);

  it("lets the organization's check-in staff in with the holder and type, then answers 409 ALREADY_CHECKED_IN saying when and by whom", async () => {
    const { owner, event, booking, codes } = await door();
    const staff = await member(owner, "checkin");
    const res = await scan(event.id, staff.accessToken, { ticketCode: codes[0] });
    expect(res.status).toBe(200);
    const view = (await res.json()) as Json & { checkedInAt: string };
    expect(view).toMatchObject({ ticket: { ticketCode: codes[0] }, order: { id: booking.id, status: "confirmed", holderName: "Ada Lovelace" }, ticketType: { name: "General admission" } });
    const again = await scan(event.id, staff.accessToken, { ticketCode: codes[0] });
    expect(again.status).toBe(409);
    const problem = await again.json();
    expect(problem).toMatchObject({ code: "ALREADY_CHECKED_IN", checkedInAt: view.checkedInAt, checkedInBy: "Door checkin" });
    expect(problem.detail).toContain(view.checkedInAt);
    expect(await getDb().$count(outbox, eq(outbox.name, "checkin.created"))).toBe(1);
  });

  it("answers 404 TICKET_NOT_FOUND for an unknown code and 409 TICKET_NOT_VALID for a cancelled order's ticket", async () => {
    const { owner, buyer, event, booking, codes } = await door();
    const manager = await member(owner, "manager");
    expect(await (await scan(event.id, manager.accessToken, { ticketCode: "0000000000000000000Z" })).json()).toMatchObject({ status: 404, code: "TICKET_NOT_FOUND" });
    await cancelBooking({ ctx: testCtx(buyer.actor), input: { id: booking.id } });
    expect(await (await scan(event.id, manager.accessToken, { ticketCode: codes[1] })).json()).toMatchObject({ status: 409, code: "TICKET_NOT_VALID", orderStatus: "cancelled" });
  });

  it("refuses finance members and other organizations' staff 403 and an unknown event 404, before judging the body; staff with a bad body hear 422", async () => {
    const { owner, event, codes } = await door();
    const finance = await member(owner, "finance");
    const elsewhere = await member(await load((await createTestUser({ role: "organizer" })).actor), "checkin");
    const staff = await member(owner, "checkin");
    for (const body of [{ ticketCode: codes[0] }, { ticketCode: "" }]) {
      expect((await scan(event.id, finance.accessToken, body)).status).toBe(403);
      expect((await scan(event.id, elsewhere.accessToken, body)).status).toBe(403);
      expect((await scan(randomUUID(), staff.accessToken, body)).status).toBe(404);
    }
    const invalid = await scan(event.id, staff.accessToken, { ticketCode: "" });
    expect(invalid.status).toBe(422);
    expect(await getDb().$count(outbox, eq(outbox.name, "checkin.created"))).toBe(0);
  });
});
