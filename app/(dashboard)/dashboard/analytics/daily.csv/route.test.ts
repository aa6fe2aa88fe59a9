import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { applyBookingConfirmed, applyEventSnapshot } from "@/lib/domain/analytics";
import type { Actor, MemberRole } from "@/lib/domain/context";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { GET } from "./route";

const web = vi.hoisted(() => ({ actor: { type: "anonymous" } as Actor }));
vi.mock("@/lib/web/current-actor", () => ({ currentActor: async () => web.actor }));

const member = (organizationId: string, role: MemberRole): Actor => ({
  type: "user",
  userId: randomUUID(),
  role: "attendee",
  emailVerified: true,
  sessionId: null,
  memberships: [{ organizationId, role }],
});

/** An event of `organizationId` that sold `quantity` seats at 10 EUR today. */
async function eventThatSold(organizationId: string, quantity: number) {
  const [eventId, organizerId, now] = [randomUUID(), randomUUID(), new Date().toISOString()];
  const fact = { eventId, organizerId, organizationId, title: "Show", capacity: 50, currency: "EUR", status: "published", startsAt: now, endsAt: now, version: 1 };
  await applyEventSnapshot({ ctx: testCtx(), input: { outboxId: randomUUID(), name: "event.published", fact } });
  const sale = { bookingId: randomUUID(), eventId, organizerId, quantity, totalCents: quantity * 1_000, currency: "EUR", confirmedAt: now };
  await applyBookingConfirmed({ ctx: testCtx(), input: { outboxId: randomUUID(), fact: sale } });
}

async function download(actor: Actor) {
  web.actor = actor;
  const res = await GET(new Request("http://localhost/dashboard/analytics/daily.csv"));
  const body = await res.text();
  return { status: res.status, today: body.trim().split("\r\n").at(-1)!.split(",") };
}

describe("the daily analytics CSV", () => {
  beforeEach(resetDatabase);

  it("gives a finance member today's sales of every event of their organization, and another organization's member none of them", async () => {
    const [ours, theirs] = [randomUUID(), randomUUID()];
    await eventThatSold(ours, 2);
    await eventThatSold(ours, 3);
    await eventThatSold(theirs, 7);
    const finance = await download(member(ours, "finance"));
    expect(finance.status).toBe(200);
    // date, bookings, seats_sold, cancellations, seats_cancelled, currency, gross_cents, refunds_cents, net_cents
    expect(finance.today.slice(1)).toEqual(["2", "5", "0", "0", "EUR", "5000", "0", "5000"]);
    expect((await download(member(theirs, "owner"))).today.slice(1)).toEqual(["1", "7", "0", "0", "EUR", "7000", "0", "7000"]);
  });

  it("refuses check-in staff with 403", async () => {
    const ours = randomUUID();
    await eventThatSold(ours, 2);
    expect((await download(member(ours, "checkin"))).status).toBe(403);
  });
});
