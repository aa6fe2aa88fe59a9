import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/context";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { applyBookingConfirmed } from "./apply-booking-confirmed";
import { applyEventSnapshot } from "./apply-event-snapshot";
import { getTopEvents } from "./get-top-events";
import { captureSystemMetrics } from "./capture-system-metrics";
import { getLeaderboard } from "./get-leaderboard";
import { refreshLeaderboards } from "./refresh-leaderboards";
import { systemMetrics } from "./schema";

const organizer = (userId: string): Actor => ({ type: "user", userId, role: "organizer", emailVerified: true, sessionId: null });
const admin: Actor = { type: "user", userId: randomUUID(), role: "admin", emailVerified: true, sessionId: null };

async function sell(eventId: string, organizerId: string, quantity: number, totalCents: number) {
  const fact = { bookingId: randomUUID(), eventId, organizerId, quantity, totalCents, currency: "USD", confirmedAt: new Date().toISOString() };
  await applyBookingConfirmed({ ctx: testCtx(), input: { outboxId: randomUUID(), fact } });
}

describe("leaderboards", () => {
  beforeEach(resetDatabase);

  it("ranks all events from the minute snapshot for an admin, an organizer's own events live", async () => {
    const [o1, o2] = [randomUUID(), randomUUID()];
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    await sell(a, o1, 10, 1_000);
    await sell(b, o1, 2, 9_000);
    await sell(c, o2, 5, 5_000);
    await refreshLeaderboards({ ctx: testCtx() });

    const overall = await getLeaderboard({ ctx: testCtx(admin), input: { by: "seats" } });
    expect(overall.data.map((e) => [e.rank, e.eventId])).toEqual([[1, a], [2, c], [3, b]]);
    expect(overall.refreshedAt).not.toBeNull();
    const byRevenue = await getLeaderboard({ ctx: testCtx(admin), input: { by: "revenue", limit: 2 } });
    expect(byRevenue.data.map((e) => [e.rank, e.eventId, e.revenueCents])).toEqual([[1, b, 9_000], [2, c, 5_000]]);

    await sell(b, o1, 20, 100);
    const mine = await getLeaderboard({ ctx: testCtx(organizer(o1)), input: { by: "seats" } });
    expect(mine).toMatchObject({ live: true, refreshedAt: null });
    expect(mine.data.map((e) => [e.rank, e.eventId, e.seatsSold])).toEqual([[1, b, 22], [2, a, 10]]);
    const other = await getLeaderboard({ ctx: testCtx(organizer(o2)), input: { by: "seats", limit: 1 } });
    expect(other.data.map((e) => e.eventId)).toEqual([c]);
  });

  it("replaces the previous snapshot on each refresh", async () => {
    const o = randomUUID();
    const [a, b] = [randomUUID(), randomUUID()];
    await sell(a, o, 1, 100);
    await refreshLeaderboards({ ctx: testCtx() });
    await sell(b, o, 3, 300);
    expect((await getLeaderboard({ ctx: testCtx(admin), input: {} })).data.map((e) => e.eventId)).toEqual([a]);
    await refreshLeaderboards({ ctx: testCtx() });
    expect((await getLeaderboard({ ctx: testCtx(admin), input: {} })).data.map((e) => e.eventId)).toEqual([b, a]);
  });

  it("leaves drafts out of every ranking", async () => {
    const o = randomUUID();
    const [published, draft] = [randomUUID(), randomUUID()];
    await sell(published, o, 1, 100);
    const startsAt = new Date(Date.now() + 86_400_000).toISOString();
    const snapshot = { eventId: draft, organizerId: o, title: "Draft", capacity: 10, currency: "USD", startsAt, endsAt: startsAt, status: "draft", version: 1 };
    await applyEventSnapshot({ ctx: testCtx(), input: { outboxId: randomUUID(), name: "event.created", fact: snapshot } });
    await refreshLeaderboards({ ctx: testCtx() });
    expect((await getTopEvents({ ctx: testCtx(organizer(o)), input: {} })).map((e) => e.eventId)).toEqual([published]);
    expect((await getLeaderboard({ ctx: testCtx(admin), input: {} })).data.map((e) => e.eventId)).toEqual([published]);
  });

  it("refuses leaderboards to attendees", async () => {
    const attendee: Actor = { type: "user", userId: randomUUID(), role: "attendee", emailVerified: true, sessionId: null };
    await expect(getLeaderboard({ ctx: testCtx(attendee), input: {} })).rejects.toMatchObject({ kind: "Forbidden" });
  });
});

describe("captureSystemMetrics", () => {
  beforeEach(resetDatabase);

  it("stores a snapshot of the system totals and job health", async () => {
    await sell(randomUUID(), randomUUID(), 4, 2_000);
    await captureSystemMetrics({ ctx: testCtx() });
    const rows = await getDb().select().from(systemMetrics);
    expect(rows).toMatchObject([{ events: 1, bookings: 1, seatsSold: 4, waitlistWaiting: 0 }]);
    expect(rows[0]!.jobsBacklog).toBeGreaterThanOrEqual(0);
  });
});
