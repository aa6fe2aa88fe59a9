import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { bookSeats, checkInTicket } from "@/lib/domain/bookings";
import { attendee, organizer, publishedEvent } from "@/lib/domain/bookings/test-fixtures";
import type { UserActor } from "@/lib/domain/context";
import { outbox } from "@/lib/jobs/schema";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { memoryScanStore, queueScan, syncQueuedScans, Unreachable, type ScanOutcome, type SendScan } from "./scan-queue";

async function eventWithTicket() {
  const owner = organizer();
  const event = await publishedEvent({ organizerId: owner.userId });
  const { booking } = await bookSeats({ ctx: testCtx(attendee()), input: { eventId: event.eventId, quantity: 1, idempotencyKey: randomUUID() } });
  return { owner, event, codes: booking.items.map((i) => i.ticketCode) };
}

const scan = (actor: UserActor, eventId: string, ticketCode: string, extra: { scannedAt?: string; now?: Date } = {}) =>
  checkInTicket({ ctx: testCtx(actor, extra.now ? { now: () => extra.now! } : {}), input: { eventId, ticketCode, scannedAt: extra.scannedAt } });

describe("scans queued offline", () => {
  beforeEach(resetDatabase);

  /** The scanner's sender, answered by the domain as the route would. */
  const domainSender =
    (actor: UserActor, eventId: string, now: Date): SendScan =>
    async ({ ticketCode, scannedAt }) => {
      try {
        const v = await scan(actor, eventId, ticketCode, { scannedAt, now });
        return { kind: "admitted", ticketCode, holderName: v.order.holderName, ticketType: v.ticketType.name, checkedInAt: v.checkedInAt };
      } catch (e) {
        const err = e as { code: string; message: string; facts?: Record<string, string> };
        return { kind: "refused", ticketCode, code: err.code, detail: err.message, ticketType: err.facts?.ticketType ?? null, checkedInAt: err.facts?.checkedInAt ?? null, checkedInBy: null };
      }
    };

  it("turns two queued scans of one ticket into one check-in and one reported conflict, and empties the queue", async () => {
    const { owner, event, codes } = await eventWithTicket();
    const store = memoryScanStore();
    queueScan(store, codes[0]!, new Date("2027-01-01T18:00:00Z"));
    queueScan(store, codes[0]!, new Date("2027-01-01T18:01:00Z"));
    const report = await syncQueuedScans(store, domainSender(owner, event.eventId, new Date("2027-01-01T18:30:00Z")));
    expect(report.admitted).toEqual([expect.objectContaining({ ticketCode: codes[0], checkedInAt: "2027-01-01T18:00:00.000Z" })]);
    expect(report.refused).toEqual([expect.objectContaining<Partial<ScanOutcome>>({ ticketCode: codes[0], code: "ALREADY_CHECKED_IN", checkedInAt: "2027-01-01T18:00:00.000Z" })]);
    expect(report.waiting).toBe(0);
    expect(store.read()).toEqual([]);
    expect(await getDb().$count(outbox, eq(outbox.name, "checkin.created"))).toBe(1);
  });

  it("reports the conflict when another door let the ticket in while this one was offline", async () => {
    const { owner, event, codes } = await eventWithTicket();
    const store = memoryScanStore();
    queueScan(store, codes[0]!, new Date("2027-01-01T18:05:00Z"));
    await scan(owner, event.eventId, codes[0]!, { now: new Date("2027-01-01T18:06:00Z") });
    const report = await syncQueuedScans(store, domainSender(owner, event.eventId, new Date("2027-01-01T18:30:00Z")));
    expect(report.admitted).toEqual([]);
    expect(report.refused).toEqual([expect.objectContaining({ code: "ALREADY_CHECKED_IN", checkedInAt: "2027-01-01T18:06:00.000Z" })]);
  });

  it("keeps the scans the server could not be reached for, in order, for the next try", async () => {
    const store = memoryScanStore();
    const first = queueScan(store, "AAAA", new Date());
    const second = queueScan(store, "BBBB", new Date());
    const report = await syncQueuedScans(store, async () => {
      throw new Unreachable("offline");
    });
    expect(report).toEqual({ admitted: [], refused: [], waiting: 2 });
    expect(store.read()).toEqual([first, second]);
  });
});
