import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, getDb } from "@/lib/db/client";
import { outbox } from "@/lib/jobs/schema";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { bookSeats } from "./book-seats";
import { cancelBooking } from "./cancel-booking";
import { getBooking } from "./get-booking";
import { getBookingAudit } from "./get-booking-audit";
import { listMyBookings } from "./list-my-bookings";
import { bookings, eventInventory, seatHoldings } from "./schema";
import { attendee, publishedEvent } from "./test-fixtures";

const racers = createDb(process.env.DATABASE_URL!, { max: 12 });
afterAll(() => racers.$client.end());

const book = (actor: ReturnType<typeof attendee>, eventId: string, quantity = 1, db = getDb()) =>
  bookSeats({ ctx: testCtx(actor, { db }), input: { eventId, quantity, idempotencyKey: randomUUID() } }).then((r) => r.booking);

describe("cancelBooking", () => {
  beforeEach(resetDatabase);

  it("returns the seats, frees the holder's cap, audits and announces the release", async () => {
    const event = await publishedEvent({ capacity: 5, perUserLimit: 2 });
    const holder = attendee();
    const booking = await book(holder, event.eventId, 2);
    const cancelled = await cancelBooking({ ctx: testCtx(holder), input: { id: booking.id } });
    expect(cancelled).toMatchObject({ id: booking.id, status: "cancelled", cancelledBy: "holder" });
    expect(cancelled.cancelledAt).not.toBeNull();
    const [inv] = await getDb().select().from(eventInventory).where(eq(eventInventory.eventId, event.eventId));
    expect(inv).toMatchObject({ sold: 0, held: 0 });
    const [holding] = await getDb().select().from(seatHoldings).where(eq(seatHoldings.userId, holder.userId));
    expect(holding!.seats).toBe(0);
    await book(holder, event.eventId, 2);
    const names = (await getDb().select({ name: outbox.name }).from(outbox)).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(["booking.cancelled", "seats.released"]));
    const organizer = { ...attendee({ role: "organizer" }), userId: event.organizerId };
    const audit = await getBookingAudit({ ctx: testCtx(organizer), input: { id: booking.id } });
    expect(audit.map((a) => a.action)).toEqual(["booking.created", "booking.cancelled"]);
    expect(audit[1]).toMatchObject({ actorId: holder.userId, before: { status: "confirmed" }, after: { status: "cancelled" } });
  });

  it("answers INVALID_STATE for a booking already cancelled, and lets the organizer cancel", async () => {
    const event = await publishedEvent();
    const booking = await book(attendee(), event.eventId);
    const organizer = { ...attendee({ role: "organizer" }), userId: event.organizerId };
    expect(await cancelBooking({ ctx: testCtx(organizer), input: { id: booking.id } })).toMatchObject({ cancelledBy: "organizer" });
    await expect(cancelBooking({ ctx: testCtx(organizer), input: { id: booking.id } })).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("cancels once when the holder's cancel requests race", async () => {
    const event = await publishedEvent();
    const holder = attendee();
    const booking = await book(holder, event.eventId, 3);
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => cancelBooking({ ctx: testCtx(holder, { db: racers }), input: { id: booking.id } })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "INVALID_STATE" });
    const [inv] = await getDb().select().from(eventInventory).where(eq(eventInventory.eventId, event.eventId));
    expect(inv!.sold).toBe(0);
  });

  it("never exceeds capacity while cancellations and bookings interleave", async () => {
    const event = await publishedEvent({ capacity: 20 });
    const first = await Promise.all(Array.from({ length: 20 }, () => book(attendee(), event.eventId, 1)));
    const jobs = [
      ...first.slice(0, 10).map((b) => cancelBooking({ ctx: testCtx({ type: "system" }, { db: racers }), input: { id: b.id } })),
      ...Array.from({ length: 30 }, () => book(attendee(), event.eventId, 1, racers)),
    ];
    const settled = await Promise.allSettled(jobs);
    expect(settled.slice(0, 10).every((r) => r.status === "fulfilled")).toBe(true);
    const refused = settled.slice(10).filter((r) => r.status === "rejected");
    for (const r of refused) expect(r.reason).toMatchObject({ code: "SOLD_OUT" });
    const newlyBooked = 30 - refused.length;
    // The counter agrees with the rows it counts: confirmed bookings and every holder's seats.
    const [inv] = await getDb().select().from(eventInventory).where(eq(eventInventory.eventId, event.eventId));
    expect(inv!.sold).toBe(10 + newlyBooked);
    expect(await getDb().$count(bookings, and(eq(bookings.eventId, event.eventId), eq(bookings.status, "confirmed")))).toBe(inv!.sold);
    const holdings = await getDb().select().from(seatHoldings).where(eq(seatHoldings.eventId, event.eventId));
    expect(holdings.reduce((sum, h) => sum + h.seats, 0)).toBe(inv!.sold);
    // No waitlist: whatever was freed and not rebooked is on open sale, none held.
    expect(inv!.held).toBe(0);
  });

  it("hides another user's booking (404) and keeps the audit from attendees", async () => {
    const event = await publishedEvent();
    const holder = attendee();
    const booking = await book(holder, event.eventId);
    const stranger = attendee();
    await expect(getBooking({ ctx: testCtx(stranger), input: { id: booking.id } })).rejects.toMatchObject({ kind: "NotFound" });
    await expect(cancelBooking({ ctx: testCtx(stranger), input: { id: booking.id } })).rejects.toMatchObject({ kind: "NotFound" });
    await expect(getBookingAudit({ ctx: testCtx(stranger), input: { id: booking.id } })).rejects.toMatchObject({ kind: "NotFound" });
    await expect(getBookingAudit({ ctx: testCtx(holder), input: { id: booking.id } })).rejects.toMatchObject({ kind: "Forbidden" });
    await expect(getBooking({ ctx: testCtx(stranger), input: { id: "nope" } })).rejects.toMatchObject({ kind: "NotFound" });
    expect(await getBooking({ ctx: testCtx(holder), input: { id: booking.id } })).toEqual(booking);
    expect(await getBooking({ ctx: testCtx(attendee({ role: "admin" })), input: { id: booking.id } })).toEqual(booking);
  });

  it("lists the caller's bookings newest first, page by page", async () => {
    const event = await publishedEvent();
    const holder = attendee();
    const made = [];
    for (let n = 0; n < 5; n++) made.push(await book(holder, event.eventId));
    await book(attendee(), event.eventId);
    const first = await listMyBookings({ ctx: testCtx(holder), input: { limit: 3 } });
    const second = await listMyBookings({ ctx: testCtx(holder), input: { limit: 3, cursor: first.nextCursor! } });
    expect([...first.data, ...second.data].map((b) => b.id)).toEqual(made.reverse().map((b) => b.id));
    expect(second.nextCursor).toBeNull();
  });
});
