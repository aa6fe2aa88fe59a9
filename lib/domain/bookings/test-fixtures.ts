import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import type { UserActor } from "@/lib/domain/context";
import { testCtx } from "@/tests/harness/db";
import { confirmOrderPayment } from "./confirm-order-payment";
import { bookings, eventInventory, promoCodes, ticketTypes } from "./schema";
import { upsertEventInventory } from "./upsert-event-inventory";

/** Small factories for the bookings tests: an attendee actor and a bookable event's inventory. */
export function attendee(overrides: Partial<UserActor> = {}): UserActor {
  return { type: "user", userId: randomUUID(), role: "attendee", emailVerified: true, sessionId: null, ...overrides };
}

export function organizer(): UserActor {
  return attendee({ role: "organizer" });
}

export async function publishedEvent(
  overrides: Partial<{ capacity: number; perUserLimit: number; priceCents: number; currency: string; organizerId: string; organizationId: string | null; status: "draft" | "published" | "cancelled"; endsAt: Date }> = {},
) {
  const input = {
    eventId: randomUUID(),
    organizerId: randomUUID(),
    capacity: 10,
    // Free unless a test asks for a price: most of these tests are about seats, and a paid
    // event's orders wait for payment (place-order.test.ts covers that).
    priceCents: 0,
    currency: "EUR",
    perUserLimit: 10,
    status: "published" as const,
    startsAt: new Date(Date.now() + 86_400_000),
    endsAt: new Date(Date.now() + 90_000_000),
    ...overrides,
  };
  if (input.endsAt <= input.startsAt) input.startsAt = new Date(input.endsAt.getTime() - 3_600_000);
  await upsertEventInventory({ ctx: testCtx(), input });
  return input;
}

/** Resolves once some session of this database waits for a row lock (a race set up by a test has met its blocker). */
export async function untilASessionWaitsForALock(): Promise<void> {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 10))) {
    const [row] = await getDb().execute<{ n: number }>(
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if (row!.n > 0) return;
  }
  throw new Error("no session ever waited for a lock");
}

/** A ticket type inserted directly (managing types is the ticket-types verbs' job; tests only need rows). */
export async function ticketType(
  eventId: string,
  overrides: Partial<{ name: string; priceCents: number; capacity: number | null; hidden: boolean; position: number; perOrderMax: number; salesStartAt: Date | null; salesEndAt: Date | null }> = {},
) {
  const [row] = await getDb()
    .insert(ticketTypes)
    .values({ eventId, name: `Type ${randomUUID().slice(0, 4)}`, priceCents: 1000, position: 1, ...overrides })
    .returning();
  return row!;
}

/** A promo code inserted directly. */
export async function promoCode(
  eventId: string,
  overrides: Partial<{ code: string; percentOff: number | null; amountOffCents: number | null; maxUses: number | null; ticketTypeIds: string[] | null; validFrom: Date | null; validUntil: Date | null }> = {},
) {
  const [row] = await getDb()
    .insert(promoCodes)
    .values({ eventId, code: "SAVE10", percentOff: 10, ...overrides })
    .returning();
  return row!;
}

/** The "General admission" type every event gets. */
export async function generalAdmission(eventId: string) {
  const [row] = await getDb().select().from(ticketTypes).where(eq(ticketTypes.eventId, eventId)).orderBy(ticketTypes.position, ticketTypes.id).limit(1);
  return row!;
}

/** Pays an unpaid order in full through the test provider, as its notification would. */
export async function payFor(orderId: string) {
  const [row] = await getDb().select().from(bookings).where(eq(bookings.id, orderId));
  return confirmOrderPayment({ ctx: testCtx(), input: { orderId, provider: "test", amountCents: row!.totalCents, currency: row!.currency, paidAt: new Date() } });
}

/**
 * A paid order on record for tests that hand analytics made-up facts: its row, and its event's
 * inventory (which names the organizer), so a refund fact naming the order can be filed under them.
 */
export async function orderOnRecord(order: { orderId: string; eventId: string; organizerId: string; quantity: number; totalCents: number; currency: string }) {
  const at = new Date("2099-04-01T18:00:00.000Z");
  await getDb()
    .insert(eventInventory)
    .values({ eventId: order.eventId, organizerId: order.organizerId, capacity: 100, priceCents: 0, currency: order.currency, status: "published", startsAt: at, endsAt: at })
    .onConflictDoNothing();
  const { orderId: id, eventId, quantity, totalCents, currency } = order;
  await getDb().insert(bookings).values({ id, eventId, userId: randomUUID(), quantity, subtotalCents: totalCents, totalCents, currency, paidAt: new Date(), paymentProvider: "test", paymentStatus: "succeeded" });
}
