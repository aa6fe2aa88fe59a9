import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { eventSchemas } from "@/inngest/events";
import { getDb } from "@/lib/db/client";
import { outbox } from "@/lib/jobs/schema";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { bookSeats } from "./book-seats";
import { cancelBooking } from "./cancel-booking";
import { changeWaitlistPriority } from "./change-waitlist-priority";
import { joinWaitlist } from "./join-waitlist";
import { leaveWaitlist } from "./leave-waitlist";
import { listEventWaitlist } from "./list-event-waitlist";
import { listMyWaitlist } from "./list-my-waitlist";
import { promoteWaitlist } from "./promote-waitlist";
import { auditLog, bookingItems, bookings, eventInventory, seatHoldings } from "./schema";
import { attendee, publishedEvent } from "./test-fixtures";

type Actor = ReturnType<typeof attendee>;
const book = (actor: Actor, eventId: string, quantity = 1) =>
  bookSeats({ ctx: testCtx(actor), input: { eventId, quantity, idempotencyKey: randomUUID() } }).then((r) => r.booking);
const join = (actor: Actor, eventId: string, quantity = 1) => joinWaitlist({ ctx: testCtx(actor), input: { eventId, quantity } });
const promote = (eventId: string) => promoteWaitlist({ ctx: testCtx(), input: { eventId } });
const inventory = async (eventId: string) => (await getDb().select().from(eventInventory).where(eq(eventInventory.eventId, eventId)))[0]!;
const organizerOf = (event: { organizerId: string }) => ({ ...attendee({ role: "organizer" }), userId: event.organizerId });

describe("waitlist", () => {
  beforeEach(resetDatabase);

  it("lets users join only when their quantity cannot be booked, once per event", async () => {
    const event = await publishedEvent({ capacity: 3 });
    const user = attendee();
    await expect(join(user, event.eventId, 3)).rejects.toMatchObject({ code: "SEATS_AVAILABLE" });
    await book(attendee(), event.eventId, 2);
    const entry = await join(user, event.eventId, 2);
    expect(entry).toMatchObject({ status: "waiting", position: 1, quantity: 2, priority: 0, bookingId: null });
    await expect(join(user, event.eventId, 2)).rejects.toMatchObject({ code: "ALREADY_WAITLISTED" });
    await expect(join(attendee({ emailVerified: false }), event.eventId, 2)).rejects.toMatchObject({ code: "EMAIL_NOT_VERIFIED" });
    await expect(joinWaitlist({ ctx: testCtx(user), input: { eventId: event.eventId, quantity: 11 } })).rejects.toMatchObject({ name: "ZodError" });
  });

  it("serves mixed quantities and priorities in order after cancellations; who does not fit keeps their place", async () => {
    const event = await publishedEvent({ capacity: 6 });
    const holders = [attendee(), attendee(), attendee()];
    const booked = [await book(holders[0]!, event.eventId, 3), await book(holders[1]!, event.eventId, 2), await book(holders[2]!, event.eventId, 1)];
    const [a, b, c, d] = [attendee(), attendee(), attendee(), attendee()];
    const ea = await join(a!, event.eventId, 3); // FIFO first, needs 3
    const eb = await join(b!, event.eventId, 1);
    const ec = await join(c!, event.eventId, 2); // will get priority
    const ed = await join(d!, event.eventId, 1);
    await changeWaitlistPriority({ ctx: testCtx(organizerOf(event)), input: { id: ec.id, priority: 5 } });
    const order = await listEventWaitlist({ ctx: testCtx(organizerOf(event)), input: { eventId: event.eventId } });
    expect(order.data.map((e) => [e.id, e.position])).toEqual([[ec.id, 1], [ea.id, 2], [eb.id, 3], [ed.id, 4]]);

    // 2 seats free: c (priority, 2) fits first; nothing else fits afterwards.
    await cancelBooking({ ctx: testCtx(holders[1]!), input: { id: booked[1]!.id } });
    expect((await inventory(event.eventId)).held).toBe(2);
    await expect(book(attendee(), event.eventId, 1)).rejects.toMatchObject({ code: "SOLD_OUT" });
    let run = await promote(event.eventId);
    expect(run.promoted.map((p) => p.entryId)).toEqual([ec.id]);

    // 3 seats free: a (3) is next in line and fits.
    await cancelBooking({ ctx: testCtx(holders[0]!), input: { id: booked[0]!.id } });
    run = await promote(event.eventId);
    expect(run.promoted.map((p) => p.entryId)).toEqual([ea.id]);

    // 1 seat free: b, then d would need another.
    await cancelBooking({ ctx: testCtx(holders[2]!), input: { id: booked[2]!.id } });
    run = await promote(event.eventId);
    expect(run.promoted.map((p) => p.entryId)).toEqual([eb.id]);

    const mine = await listMyWaitlist({ ctx: testCtx(d!), input: {} });
    expect(mine.data[0]).toMatchObject({ id: ed.id, status: "waiting", position: 1 });
    const [served] = (await listMyWaitlist({ ctx: testCtx(a!), input: {} })).data;
    expect(served).toMatchObject({ status: "booked", position: null });
    expect(served!.bookingId).toEqual(expect.any(String));
    const inv = await inventory(event.eventId);
    expect(inv).toMatchObject({ sold: 6, held: 0 });
  });

  it("skips, but keeps waiting, an entry whose user would exceed the per-user cap", async () => {
    const event = await publishedEvent({ capacity: 4, perUserLimit: 3 });
    const greedy = attendee();
    const other = attendee();
    await book(greedy, event.eventId, 2);
    const holder = attendee();
    const held = await book(holder, event.eventId, 2);
    const eg = await join(greedy, event.eventId, 1);
    const eo = await join(other, event.eventId, 1);
    // The organizer lowers the cap to 2: greedy's entry no longer fits their cap.
    await getDb().update(eventInventory).set({ perUserLimit: 2 }).where(eq(eventInventory.eventId, event.eventId));
    await cancelBooking({ ctx: testCtx(holder), input: { id: held.id } });
    const run = await promote(event.eventId);
    expect(run.promoted.map((p) => p.entryId)).toEqual([eo.id]);
    const [entry] = (await listMyWaitlist({ ctx: testCtx(greedy), input: {} })).data;
    expect(entry).toMatchObject({ id: eg.id, status: "waiting", position: 1 });
    // What nobody in line could take goes back on sale.
    expect(await inventory(event.eventId)).toMatchObject({ sold: 3, held: 0 });
  });

  it("hides someone else's draft from a waitlist join (404) and tells its organizer it is not bookable", async () => {
    const draft = await publishedEvent({ status: "draft", capacity: 1 });
    await expect(join(attendee(), draft.eventId)).rejects.toMatchObject({ kind: "NotFound" });
    await expect(join(organizerOf(draft), draft.eventId)).rejects.toMatchObject({ code: "EVENT_NOT_BOOKABLE" });
    await expect(join(attendee(), randomUUID())).rejects.toMatchObject({ kind: "NotFound" });
  });

  it("books a promotion with the same statement as a direct booking: holding, tickets, audit and validated facts alike", async () => {
    const event = await publishedEvent({ capacity: 2, priceCents: 0 });
    const direct = await book(attendee(), event.eventId, 2);
    const waiting = attendee();
    const entry = await join(waiting, event.eventId, 2);
    await cancelBooking({ ctx: testCtx({ type: "system" }), input: { id: direct.id } });
    const { promoted } = await promote(event.eventId);
    expect(promoted).toEqual([expect.objectContaining({ entryId: entry.id, userId: waiting.userId, quantity: 2 })]);

    const made = await getDb().select().from(bookings).where(eq(bookings.eventId, event.eventId));
    const byId = new Map(made.map((b) => [b.id, b]));
    expect(byId.get(promoted[0]!.bookingId)).toMatchObject({ source: "waitlist", status: "confirmed", totalCents: 0, currency: "EUR", quantity: 2 });
    expect(await getDb().$count(bookingItems, eq(bookingItems.bookingId, promoted[0]!.bookingId))).toBe(2);
    const [holding] = await getDb().select().from(seatHoldings).where(eq(seatHoldings.userId, waiting.userId));
    expect(holding!.seats).toBe(2);
    const created = await getDb().select().from(auditLog).where(eq(auditLog.action, "booking.created"));
    expect(created.map((a) => a.after).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
      { status: "confirmed", quantity: 2, totalCents: 0, source: "direct", promoCode: null },
      { status: "confirmed", quantity: 2, totalCents: 0, source: "waitlist", promoCode: null },
    ]);
    const facts = await getDb().select().from(outbox).where(eq(outbox.name, "booking.confirmed"));
    const confirmed = facts.map((f) => eventSchemas["booking.confirmed"].parse(f.data));
    expect(confirmed.map((f) => [f.source, f.bookingId, f.organizerId, f.totalCents]).sort()).toEqual(
      [
        ["direct", direct.id, event.organizerId, 0],
        ["waitlist", promoted[0]!.bookingId, event.organizerId, 0],
      ].sort(),
    );
    const [served] = await getDb().select().from(outbox).where(eq(outbox.name, "waitlist.promoted"));
    const { status: _status, ...promotion } = promoted[0]!;
    expect(eventSchemas["waitlist.promoted"].parse(served!.data)).toEqual({ ...promotion, eventId: event.eventId, expiresAt: null });
    expect(await inventory(event.eventId)).toMatchObject({ sold: 2, held: 0 });
  });

  it("lets the user leave, and keeps priority changes for the organizer", async () => {
    const event = await publishedEvent({ capacity: 1 });
    await book(attendee(), event.eventId);
    const user = attendee();
    const entry = await join(user, event.eventId);
    await expect(changeWaitlistPriority({ ctx: testCtx(user), input: { id: entry.id, priority: 9 } })).rejects.toMatchObject({ kind: "Forbidden" });
    await expect(changeWaitlistPriority({ ctx: testCtx(attendee()), input: { id: entry.id, priority: 9 } })).rejects.toMatchObject({ kind: "NotFound" });
    await expect(leaveWaitlist({ ctx: testCtx(attendee()), input: { id: entry.id } })).rejects.toMatchObject({ kind: "NotFound" });
    await expect(listEventWaitlist({ ctx: testCtx(user), input: { eventId: event.eventId } })).rejects.toMatchObject({ kind: "Forbidden" });
    await leaveWaitlist({ ctx: testCtx(user), input: { id: entry.id } });
    await expect(leaveWaitlist({ ctx: testCtx(user), input: { id: entry.id } })).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect((await listMyWaitlist({ ctx: testCtx(user), input: {} })).data[0]).toMatchObject({ status: "left", position: null });
    // Leaving frees the user to queue again.
    expect(await join(user, event.eventId)).toMatchObject({ status: "waiting", position: 1 });
  });
});
