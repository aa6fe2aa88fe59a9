import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { eventSchemas } from "@/inngest/events";
import { createDb, getDb } from "@/lib/db/client";
import { outbox } from "@/lib/jobs/schema";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { bookSeats } from "./book-seats";
import { getSeatsAvailable } from "./get-seats-available";
import { upsertEventInventory } from "./upsert-event-inventory";
import { auditLog, bookingItems, bookings, eventInventory, seatHoldings } from "./schema";
import { attendee, publishedEvent } from "./test-fixtures";

// Racing needs its own connections beside the worker's shared pool; few enough to fit beside other test files.
const racers = createDb(process.env.DATABASE_URL!, { max: 24 });
afterAll(() => racers.$client.end());

const book = (actor = attendee(), eventId: string, quantity = 1, idempotencyKey: string = randomUUID(), db = getDb()) =>
  bookSeats({ ctx: testCtx(actor, { db }), input: { eventId, quantity, idempotencyKey } });

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "confirmed",
    (e: { code?: string }) => e.code ?? String(e),
  );

async function inventory(eventId: string) {
  const [row] = await getDb().select().from(eventInventory).where(eq(eventInventory.eventId, eventId));
  return row!;
}

describe("bookSeats", () => {
  beforeEach(resetDatabase);

  it("confirms a free event's booking at once with one unguessable ticket per seat, its audit row and its outbox fact", async () => {
    const event = await publishedEvent({ priceCents: 0 });
    const actor = attendee();
    const { booking, replayed } = await book(actor, event.eventId, 3);
    expect(replayed).toBe(false);
    expect(booking).toMatchObject({ eventId: event.eventId, userId: actor.userId, quantity: 3, status: "confirmed", totalCents: 0, currency: "EUR", cancelledAt: null, expiresAt: null });
    expect(booking.items).toHaveLength(3);
    for (const item of booking.items) expect(item.ticketCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
    expect((await inventory(event.eventId)).sold).toBe(3);
    const [audit] = await getDb().select().from(auditLog).where(eq(auditLog.bookingId, booking.id));
    expect(audit).toMatchObject({ action: "booking.created", actorId: actor.userId });
    const [fact] = await getDb().select().from(outbox).where(eq(outbox.name, "booking.confirmed"));
    expect(eventSchemas["booking.confirmed"].parse(fact!.data)).toEqual({
      bookingId: booking.id,
      eventId: event.eventId,
      userId: actor.userId,
      organizerId: event.organizerId,
      quantity: 3,
      totalCents: 0,
      currency: "EUR",
      source: "direct",
      confirmedAt: booking.createdAt,
    });
  });

  it("holds a paid event's booking for payment until the event's hold minutes pass, announcing order.placed and no confirmation", async () => {
    const event = await publishedEvent({ priceCents: 1250 });
    const actor = attendee();
    const at = new Date();
    const { booking } = await bookSeats({ ctx: testCtx(actor, { now: () => at }), input: { eventId: event.eventId, quantity: 3, idempotencyKey: randomUUID() } });
    expect(booking).toMatchObject({ status: "awaiting_payment", totalCents: 3750, expiresAt: new Date(at.getTime() + 10 * 60_000).toISOString() });
    expect((await inventory(event.eventId)).sold).toBe(3);
    expect(await getDb().$count(outbox, eq(outbox.name, "booking.confirmed"))).toBe(0);
    const [fact] = await getDb().select().from(outbox).where(eq(outbox.name, "order.placed"));
    expect(fact!.data).toMatchObject({ orderId: booking.id, totalCents: 3750, expiresAt: booking.expiresAt });
  });

  it("sells exactly 50 seats to 200 concurrent buyers and refuses the rest as SOLD_OUT", async () => {
    const event = await publishedEvent({ capacity: 50 });
    const seen: number[] = [];
    let racing = true;
    const watcher = (async () => {
      while (racing) seen.push((await getSeatsAvailable({ ctx: testCtx(), input: { eventIds: [event.eventId] } })).get(event.eventId)!);
    })();
    const results = await Promise.all(Array.from({ length: 200 }, () => outcome(book(attendee(), event.eventId, 1, randomUUID(), racers))));
    racing = false;
    await watcher;
    // Nothing is cancelled, so a reader may only ever see the count go down, never a seat come back.
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((n, k) => k === 0 || n <= seen[k - 1]!)).toBe(true);
    expect(results.filter((r) => r === "confirmed")).toHaveLength(50);
    expect(results.filter((r) => r === "SOLD_OUT")).toHaveLength(150);
    const inv = await inventory(event.eventId);
    expect(inv.sold).toBe(50);
    expect(await getDb().$count(bookingItems)).toBe(50);
    expect(await getSeatsAvailable({ ctx: testCtx(), input: { eventIds: [event.eventId] } })).toEqual(new Map([[event.eventId, 0]]));
  });

  it("books once for 50 concurrent requests with one idempotency key, and all get that booking", async () => {
    const event = await publishedEvent({ capacity: 100 });
    const actor = attendee();
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 50 }, () => book(actor, event.eventId, 2, key, racers)));
    expect(new Set(results.map((r) => r.booking.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await getDb().$count(bookings)).toBe(1);
    expect((await inventory(event.eventId)).sold).toBe(2);
  });

  it("replays a refusal for its key even after seats free up, and refuses the key for another request", async () => {
    const event = await publishedEvent({ capacity: 1 });
    const actor = attendee();
    await book(attendee(), event.eventId, 1);
    await expect(book(actor, event.eventId, 1, "k-1")).rejects.toMatchObject({ code: "SOLD_OUT" });
    await getDb().update(eventInventory).set({ sold: 0 }).where(eq(eventInventory.eventId, event.eventId));
    await expect(book(actor, event.eventId, 1, "k-1")).rejects.toMatchObject({ code: "SOLD_OUT" });
    await expect(book(actor, event.eventId, 2, "k-1")).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    const { booking } = await book(actor, event.eventId, 1, "k-2");
    expect((await book(actor, event.eventId, 1, "k-2")).booking).toEqual(booking);
  });

  it("keeps one user within the per-user cap even when their requests race", async () => {
    const event = await publishedEvent({ capacity: 100, perUserLimit: 4 });
    const actor = attendee();
    const results = await Promise.all(Array.from({ length: 10 }, () => outcome(book(actor, event.eventId, 1, randomUUID(), racers))));
    expect(results.filter((r) => r === "confirmed")).toHaveLength(4);
    expect(results.filter((r) => r === "PER_USER_LIMIT")).toHaveLength(6);
    const [holding] = await getDb().select().from(seatHoldings).where(eq(seatHoldings.userId, actor.userId));
    expect(holding!.seats).toBe(4);
    expect((await inventory(event.eventId)).sold).toBe(4);
    await expect(book(attendee(), event.eventId, 5)).rejects.toMatchObject({ code: "PER_USER_LIMIT" });
  });

  it("tells not bookable (cancelled, past, own draft) from unknown events and other people's drafts", async () => {
    const draft = await publishedEvent({ status: "draft" });
    const cancelled = await publishedEvent({ status: "cancelled" });
    const past = await publishedEvent({ endsAt: new Date(Date.now() - 1000) });
    for (const e of [cancelled, past]) {
      await expect(book(attendee(), e.eventId)).rejects.toMatchObject({ code: "EVENT_NOT_BOOKABLE" });
    }
    // A draft exists only for its organizer and admins: to anyone else it is unknown.
    await expect(book(attendee(), draft.eventId)).rejects.toMatchObject({ kind: "NotFound" });
    await expect(book(attendee({ userId: draft.organizerId, role: "organizer" }), draft.eventId)).rejects.toMatchObject({ code: "EVENT_NOT_BOOKABLE" });
    await expect(book(attendee({ role: "admin" }), draft.eventId)).rejects.toMatchObject({ code: "EVENT_NOT_BOOKABLE" });
    await expect(book(attendee(), randomUUID())).rejects.toMatchObject({ kind: "NotFound" });
    await expect(book(attendee(), "not-a-uuid")).rejects.toMatchObject({ kind: "NotFound" });
    expect((await inventory(draft.eventId)).sold).toBe(0);
  });

  it("books at the event's current price when it changed after this process last booked it", async () => {
    const event = await publishedEvent({ priceCents: 1000 });
    expect((await book(attendee(), event.eventId, 2)).booking.totalCents).toBe(2000);
    await upsertEventInventory({ ctx: testCtx(), input: { ...event, priceCents: 1500, currency: "USD" } });
    const { booking } = await book(attendee(), event.eventId, 2);
    expect(booking).toMatchObject({ totalCents: 3000, currency: "USD" });
    const [stored] = await getDb().select().from(bookings).where(eq(bookings.id, booking.id));
    expect(stored).toMatchObject({ totalCents: 3000, currency: "USD" });
    const facts = await getDb().select().from(outbox).where(eq(outbox.name, "order.placed"));
    expect(facts.map((f) => f.data).find((d) => d.orderId === booking.id)).toMatchObject({ totalCents: 3000, currency: "USD" });
  });

  it("leaves a caller's transaction usable after PER_USER_LIMIT and SOLD_OUT refusals", async () => {
    const event = await publishedEvent({ capacity: 2, perUserLimit: 1 });
    const capped = attendee();
    await book(capped, event.eventId, 1);
    const buyer = attendee();
    await getDb().transaction(async (tx) => {
      const inTx = (actor: ReturnType<typeof attendee>, idempotencyKey: string) =>
        bookSeats({ ctx: testCtx(actor, { db: tx }), input: { eventId: event.eventId, quantity: 1, idempotencyKey } });
      await expect(inTx(capped, "over-cap")).rejects.toMatchObject({ code: "PER_USER_LIMIT" });
      expect((await inTx(buyer, "last-seat")).booking.quantity).toBe(1);
      await expect(inTx(attendee(), "too-late")).rejects.toMatchObject({ code: "SOLD_OUT" });
      expect(await tx.$count(bookings)).toBe(2);
    });
    expect((await inventory(event.eventId)).sold).toBe(2);
    // The refusals were recorded in the caller's commit: the same key answers the same.
    await expect(book(capped, event.eventId, 1, "over-cap")).rejects.toMatchObject({ code: "PER_USER_LIMIT" });
  });

  it("refuses anonymous and unverified users before touching seats", async () => {
    const event = await publishedEvent();
    await expect(bookSeats({ ctx: testCtx({ type: "anonymous" }), input: { eventId: event.eventId, quantity: 1, idempotencyKey: "k" } })).rejects.toMatchObject({ kind: "Unauthenticated" });
    await expect(book(attendee({ emailVerified: false }), event.eventId)).rejects.toMatchObject({ code: "EMAIL_NOT_VERIFIED" });
    expect((await inventory(event.eventId)).sold).toBe(0);
  });

  it("joins a caller's transaction, committing or rolling back with it", async () => {
    const event = await publishedEvent({ capacity: 5 });
    const actor = attendee();
    await getDb()
      .transaction(async (tx) => {
        const { booking } = await bookSeats({ ctx: testCtx(actor, { db: tx }), input: { eventId: event.eventId, quantity: 2, idempotencyKey: "in-tx" } });
        expect(booking.quantity).toBe(2);
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect((await inventory(event.eventId)).sold).toBe(0);
    await getDb().transaction((tx) => bookSeats({ ctx: testCtx(actor, { db: tx }), input: { eventId: event.eventId, quantity: 2, idempotencyKey: "in-tx" } }));
    expect((await inventory(event.eventId)).sold).toBe(2);
  });
});
