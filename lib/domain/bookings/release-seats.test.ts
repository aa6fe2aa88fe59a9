import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, getDb } from "@/lib/db/client";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { bookSeats } from "./book-seats";
import { cancelBooking } from "./cancel-booking";
import { joinWaitlist } from "./join-waitlist";
import { eventInventory, waitlistEntries } from "./schema";
import { attendee, publishedEvent, untilASessionWaitsForALock } from "./test-fixtures";

const racers = createDb(process.env.DATABASE_URL!, { max: 16 });
afterAll(() => racers.$client.end());

const book = (eventId: string) =>
  bookSeats({ ctx: testCtx(attendee()), input: { eventId, quantity: 1, idempotencyKey: randomUUID() } }).then((r) => r.booking);
const inventory = async (eventId: string) => (await getDb().select().from(eventInventory).where(eq(eventInventory.eventId, eventId)))[0]!;

describe("releaseSeats", () => {
  beforeEach(resetDatabase);

  it("holds seats for a waitlist join that committed while the cancellation waited for the seat row", async () => {
    const event = await publishedEvent({ capacity: 1 });
    const booking = await book(event.eventId);
    let cancelled: Promise<unknown> | undefined;
    await racers.transaction(async (tx) => {
      await joinWaitlist({ ctx: testCtx(attendee(), { db: tx }), input: { eventId: event.eventId, quantity: 1 } });
      cancelled = cancelBooking({ ctx: testCtx({ type: "system" }, { db: racers }), input: { id: booking.id } });
      await untilASessionWaitsForALock();
    });
    await cancelled;
    expect(await inventory(event.eventId)).toMatchObject({ sold: 0, held: 1 });
    await expect(book(event.eventId)).rejects.toMatchObject({ code: "SOLD_OUT" });
  });

  it("never leaves seats on open sale while someone waits, whatever the order of racing joins and cancellations", async () => {
    const seats = 20;
    for (let round = 0; round < 3; round++) {
      const event = await publishedEvent({ capacity: seats });
      const booked = await Promise.all(Array.from({ length: seats }, () => book(event.eventId)));
      const joins = Array.from({ length: seats }, () =>
        joinWaitlist({ ctx: testCtx(attendee(), { db: racers }), input: { eventId: event.eventId, quantity: 1 } }).then(
          () => "waiting",
          (e: { code?: string }) => e.code ?? String(e),
        ),
      );
      const cancels = booked.map((b) => cancelBooking({ ctx: testCtx({ type: "system" }, { db: racers }), input: { id: b.id } }));
      const [joined] = await Promise.all([Promise.all(joins), Promise.all(cancels)]);
      const waiting = await getDb().$count(waitlistEntries, eq(waitlistEntries.eventId, event.eventId));
      expect(joined.filter((r) => r === "waiting")).toHaveLength(waiting);
      expect(joined.filter((r) => r !== "waiting").every((r) => r === "SEATS_AVAILABLE")).toBe(true);
      // A join succeeds only while no seat is open; from then on every released seat is held.
      // Without any waiter, nothing is ever held.
      expect(await inventory(event.eventId)).toMatchObject({ sold: 0, held: waiting > 0 ? seats : 0 });
    }
  });
});
