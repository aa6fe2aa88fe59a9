import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { bookSeats } from "./book-seats";
import { cancelBooking } from "./cancel-booking";
import { getBookingsByIds } from "./get-bookings-by-ids";
import { getWaitlistEntriesByIds } from "./get-waitlist-entries-by-ids";
import { joinWaitlist } from "./join-waitlist";
import { listEventHolders } from "./list-event-holders";
import { attendee, publishedEvent } from "./test-fixtures";

const book = (actor: ReturnType<typeof attendee>, eventId: string, quantity = 1) =>
  bookSeats({ ctx: testCtx(actor), input: { eventId, quantity, idempotencyKey: randomUUID() } }).then((r) => r.booking);

describe("reads for the jobs that tell people (system actor only)", () => {
  beforeEach(resetDatabase);

  it("reads bookings with their tickets in one call, as getBooking shows them, leaving out unknown ids", async () => {
    const event = await publishedEvent();
    const ann = attendee();
    const first = await book(ann, event.eventId, 3);
    const second = await book(attendee(), event.eventId, 1);
    await cancelBooking({ ctx: testCtx(ann), input: { id: first.id } });

    const views = await getBookingsByIds({ ctx: testCtx(), input: { ids: [first.id, second.id, randomUUID(), "not-a-uuid"] } });

    expect(views).toHaveLength(2);
    const byId = new Map(views.map((v) => [v.id, v]));
    expect(byId.get(first.id)).toMatchObject({ status: "cancelled", cancelledBy: "holder", quantity: 3, items: first.items });
    expect(byId.get(second.id)).toEqual(second);
  });

  it("gives a waitlist entry with its position", async () => {
    const event = await publishedEvent({ capacity: 1 });
    await book(attendee(), event.eventId);
    const first = await joinWaitlist({ ctx: testCtx(attendee()), input: { eventId: event.eventId, quantity: 1 } });
    const second = await joinWaitlist({ ctx: testCtx(attendee()), input: { eventId: event.eventId, quantity: 2 } });

    const views = await getWaitlistEntriesByIds({ ctx: testCtx(), input: { ids: [second.id, first.id] } });

    expect(views.map((v) => [v.id, v.position, v.quantity])).toEqual([
      [second.id, 2, 2],
      [first.id, 1, 1],
    ]);
  });

  it("walks an event's confirmed holders page by page, each once, without the cancelled", async () => {
    const event = await publishedEvent({ capacity: 20 });
    const holders = Array.from({ length: 5 }, () => attendee());
    for (const h of holders) await book(h, event.eventId);
    await book(holders[0]!, event.eventId);
    const gone = attendee();
    await cancelBooking({ ctx: testCtx(gone), input: { id: (await book(gone, event.eventId)).id } });

    const seen: string[] = [];
    for (let afterUserId: string | null = null; ; ) {
      const page = await listEventHolders({ ctx: testCtx(), input: { eventId: event.eventId, afterUserId, limit: 2 } });
      if (page.length === 0) break;
      seen.push(...page);
      afterUserId = page.at(-1)!;
    }

    expect(seen).toEqual(holders.map((h) => h.userId).sort());
  });

  it("refuses every user, even the holder and an admin: ticket codes and holder lists are for the jobs", async () => {
    const event = await publishedEvent();
    const ann = attendee();
    const booking = await book(ann, event.eventId);
    for (const actor of [ann, attendee({ role: "admin" })]) {
      const ctx = testCtx(actor);
      await expect(getBookingsByIds({ ctx, input: { ids: [booking.id] } })).rejects.toMatchObject({ kind: "Forbidden" });
      await expect(getWaitlistEntriesByIds({ ctx, input: { ids: [randomUUID()] } })).rejects.toMatchObject({ kind: "Forbidden" });
      await expect(listEventHolders({ ctx, input: { eventId: event.eventId, afterUserId: null, limit: 10 } })).rejects.toMatchObject({
        kind: "Forbidden",
      });
    }
  });
});
