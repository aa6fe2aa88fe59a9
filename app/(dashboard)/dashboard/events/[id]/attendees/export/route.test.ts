import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createTestUser } from "@/lib/domain/auth/test-fixtures";
import { bookSeats } from "@/lib/domain/bookings";
import type { Actor, MemberRole } from "@/lib/domain/context";
import { createEvent, publishEvent } from "@/lib/domain/events";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { GET } from "./route";

const web = vi.hoisted(() => ({ actor: { type: "anonymous" } as Actor }));
vi.mock("@/lib/web/current-actor", async () => {
  const { testCtx: ctxFor } = await import("@/tests/harness/db");
  return { currentCtx: async () => ctxFor(web.actor) };
});

describe("the attendee CSV", () => {
  beforeEach(resetDatabase);

  it("adds each booking's time on the event's wall clock and names the zone", async () => {
    const organizer = await createTestUser({ role: "organizer" });
    const startsAt = new Date(Date.now() + 7 * 86_400_000);
    const input = { title: "Fado night", venue: "Alfama", startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(), capacity: 20, timezone: "America/New_York" };
    const draft = await createEvent({ ctx: testCtx(organizer.actor), input });
    await publishEvent({ ctx: testCtx(organizer.actor), input: { id: draft.id } });
    const attendee = await createTestUser();
    const { booking } = await bookSeats({ ctx: testCtx(attendee.actor), input: { eventId: draft.id, quantity: 1, idempotencyKey: randomUUID() } });

    web.actor = organizer.actor;
    const csv = await (await GET(new Request("http://localhost/x"), { params: Promise.resolve({ id: draft.id }) })).text();
    const [header, row] = csv.trim().split("\r\n");
    expect(header!.split(",").slice(-3)).toEqual(["booked_at_local", "cancelled_at_local", "time_zone"]);
    const local = new Intl.DateTimeFormat("sv-SE", { timeZone: "America/New_York", dateStyle: "short", timeStyle: "short" }).format(new Date(booking.createdAt));
    expect(row!.split(",").slice(-3)).toEqual([local, "", "America/New_York"]);
  });

  it("exports an organization's event to its finance member, and answers 404 to its check-in staff and to another organization's owner", async () => {
    const [ours, theirs] = [randomUUID(), randomUUID()];
    const member = (organizationId: string, role: MemberRole): Actor => ({ type: "user", userId: randomUUID(), role: "attendee", emailVerified: true, sessionId: null, memberships: [{ organizationId, role }] });
    const owner = await createTestUser({ role: "organizer" });
    const ownerActor = { ...owner.actor, memberships: [{ organizationId: ours, role: "owner" as const }] };
    const startsAt = new Date(Date.now() + 7 * 86_400_000);
    const draft = await createEvent({ ctx: testCtx(ownerActor), input: { title: "Harbour gig", venue: "Pier 4", startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(), capacity: 20 } });
    await publishEvent({ ctx: testCtx(ownerActor), input: { id: draft.id } });
    const exportAs = async (actor: Actor) => {
      web.actor = actor;
      return (await GET(new Request("http://localhost/x"), { params: Promise.resolve({ id: draft.id }) })).status;
    };
    expect(await exportAs(member(ours, "finance"))).toBe(200);
    expect(await exportAs(member(ours, "checkin"))).toBe(404);
    expect(await exportAs(member(theirs, "owner"))).toBe(404);
  });
});
