import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { MemberRole, UserActor } from "@/lib/domain/context";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { applyBookingConfirmed } from "./apply-booking-confirmed";
import { applyEventSnapshot } from "./apply-event-snapshot";
import { getDailyAnalytics } from "./get-daily-analytics";
import { getDashboardOverview } from "./get-dashboard-overview";
import { getEventAnalytics } from "./get-event-analytics";
import { getLeaderboard } from "./get-leaderboard";
import { getTopEvents } from "./get-top-events";
import { eventStats } from "./schema";

beforeEach(resetDatabase);

/** An actor as every request builds it: the policy reads only its memberships, so no organization rows are needed. */
function member(role: MemberRole, organizationId: string, userRole: "organizer" | "attendee" = "attendee"): UserActor {
  return { type: "user", userId: randomUUID(), role: userRole, emailVerified: true, sessionId: null, memberships: [{ organizationId, role }] };
}

const now = new Date().toISOString();

async function snapshot(eventId: string, organizerId: string, organizationId: string | undefined, version = 1) {
  const fact = { eventId, organizerId, organizationId, title: `Event ${eventId.slice(0, 4)}`, capacity: 100, currency: "EUR", status: "published", startsAt: now, endsAt: now, version };
  await applyEventSnapshot({ ctx: testCtx(), input: { outboxId: randomUUID(), name: "event.updated", fact } });
}

async function sell(eventId: string, organizerId: string, quantity: number) {
  const fact = { bookingId: randomUUID(), eventId, organizerId, quantity, totalCents: quantity * 1_000, currency: "EUR", confirmedAt: now };
  await applyBookingConfirmed({ ctx: testCtx(), input: { outboxId: randomUUID(), fact } });
}

/** Organization A: its owner made one event, its manager another; organization B has one of its own. */
async function twoOrganizations() {
  const [orgA, orgB] = [randomUUID(), randomUUID()];
  const ownerA = member("owner", orgA, "organizer");
  const managerA = member("manager", orgA);
  const ownerB = member("owner", orgB, "organizer");
  const [ownersEvent, managersEvent, otherEvent] = [randomUUID(), randomUUID(), randomUUID()];
  await snapshot(ownersEvent, ownerA.userId, orgA);
  await snapshot(managersEvent, managerA.userId, orgA);
  await snapshot(otherEvent, ownerB.userId, orgB);
  await sell(ownersEvent, ownerA.userId, 2);
  await sell(managersEvent, managerA.userId, 3);
  await sell(otherEvent, ownerB.userId, 7);
  return { orgA, orgB, ownerA, managerA, ownerB, ownersEvent, managersEvent, otherEvent };
}

describe("analytics scoped by organization", () => {
  it("counts a manager's event in the owner's and the finance member's figures", async () => {
    const { orgA, ownerA, managersEvent, ownersEvent } = await twoOrganizations();
    for (const reader of [ownerA, member("finance", orgA), member("manager", orgA)]) {
      const overview = await getDashboardOverview({ ctx: testCtx(reader) });
      expect(overview.seatsSold).toBe(5);
      expect(overview.revenue).toEqual([{ currency: "EUR", grossCents: 5_000, refundsCents: 0, netCents: 5_000 }]);
      expect(overview.seatsSoldToday).toBe(5);
      const daily = await getDailyAnalytics({ ctx: testCtx(reader), input: {} });
      expect(daily.data.at(-1)).toMatchObject({ seatsSold: 5, grossCents: 5_000 });
      const top = await getTopEvents({ ctx: testCtx(reader), input: { by: "revenue" } });
      expect(top.map((e) => e.eventId)).toEqual([managersEvent, ownersEvent]);
      const board = await getLeaderboard({ ctx: testCtx(reader), input: { by: "seats" } });
      expect(board).toMatchObject({ live: true });
      expect(board.data.map((e) => e.eventId)).toEqual([managersEvent, ownersEvent]);
      expect((await getEventAnalytics({ ctx: testCtx(reader), input: { eventId: managersEvent } })).seatsSold).toBe(3);
    }
  });

  it("shows another organization's member nothing of ours, and 404s our event to them", async () => {
    const { ownerB, managersEvent, otherEvent } = await twoOrganizations();
    const overview = await getDashboardOverview({ ctx: testCtx(ownerB) });
    expect(overview).toMatchObject({ seatsSold: 7, seatsSoldToday: 7 });
    expect(overview.revenue).toEqual([{ currency: "EUR", grossCents: 7_000, refundsCents: 0, netCents: 7_000 }]);
    expect((await getTopEvents({ ctx: testCtx(ownerB), input: {} })).map((e) => e.eventId)).toEqual([otherEvent]);
    expect((await getDailyAnalytics({ ctx: testCtx(ownerB), input: {} })).data.at(-1)).toMatchObject({ seatsSold: 7 });
    await expect(getEventAnalytics({ ctx: testCtx(ownerB), input: { eventId: managersEvent } })).rejects.toMatchObject({ kind: "NotFound" });
    await expect(getDailyAnalytics({ ctx: testCtx(ownerB), input: { eventId: managersEvent } })).rejects.toMatchObject({ kind: "NotFound" });
  });

  it("refuses check-in staff and attendees every analytics read", async () => {
    const { orgA, managersEvent } = await twoOrganizations();
    const attendee: UserActor = { type: "user", userId: randomUUID(), role: "attendee", emailVerified: true, sessionId: null, memberships: [] };
    for (const reader of [member("checkin", orgA), attendee]) {
      const ctx = testCtx(reader);
      await expect(getDashboardOverview({ ctx })).rejects.toMatchObject({ kind: "Forbidden" });
      await expect(getDailyAnalytics({ ctx, input: {} })).rejects.toMatchObject({ kind: "Forbidden" });
      await expect(getTopEvents({ ctx, input: {} })).rejects.toMatchObject({ kind: "Forbidden" });
      await expect(getLeaderboard({ ctx, input: {} })).rejects.toMatchObject({ kind: "Forbidden" });
      await expect(getEventAnalytics({ ctx, input: { eventId: managersEvent } })).rejects.toMatchObject({ kind: "Forbidden" });
    }
  });

  it("reads only the organizations whose role reads analytics, not one where the reader only checks tickets in", async () => {
    const { orgA, orgB, ownersEvent } = await twoOrganizations();
    const both: UserActor = { ...member("owner", orgB, "organizer"), memberships: [{ organizationId: orgB, role: "owner" }, { organizationId: orgA, role: "checkin" }] };
    expect((await getDashboardOverview({ ctx: testCtx(both) })).seatsSold).toBe(7);
    await expect(getEventAnalytics({ ctx: testCtx(both), input: { eventId: ownersEvent } })).rejects.toMatchObject({ kind: "NotFound" });
  });

  it("takes the organization from the event's snapshot even when a sale made the stats row first, and a fact from before organizations never clears it", async () => {
    const org = randomUUID();
    const owner = member("owner", org, "organizer");
    const eventId = randomUUID();
    await sell(eventId, owner.userId, 4);
    await snapshot(eventId, owner.userId, org, 2);
    await snapshot(eventId, owner.userId, undefined, 3);
    const [row] = await getDb().select().from(eventStats).where(eq(eventStats.eventId, eventId));
    expect(row).toMatchObject({ organizationId: org, eventVersion: 3, seatsSold: 4 });
    expect((await getDashboardOverview({ ctx: testCtx(member("finance", org)) })).seatsSold).toBe(4);
  });
});
