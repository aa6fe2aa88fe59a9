import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { Validation } from "@/lib/domain/errors";
import { emit } from "@/lib/jobs/emit";
import { eventInventory, ticketTypes, waitlistEntries, type EventInventory } from "./schema";
import { newTicketTypeFields } from "./ticket-type-fields";

export const upsertEventInventoryInput = z
  .object({
    eventId: z.uuid(),
    organizerId: z.uuid(),
    organizationId: z.uuid().nullable().default(null),
    capacity: z.number().int().min(1).max(1_000_000),
    priceCents: z.number().int().nonnegative(),
    currency: z.string().regex(/^[A-Z]{3}$/),
    perUserLimit: z.number().int().min(1).max(10).default(10),
    holdMinutes: z.number().int().min(1).max(60).default(10),
    /** Only for a new event: what it sells instead of General admission. */
    ticketTypes: z.array(newTicketTypeFields).min(1).max(20).optional(),
    status: z.enum(["draft", "published", "cancelled"]),
    startsAt: z.coerce.date(),
    endsAt: z.coerce.date(),
    nameChangeDeadline: z.coerce.date().nullable().default(null),
    transfersAllowed: z.boolean().default(false),
  })
  .refine((i) => i.endsAt > i.startsAt, { path: ["endsAt"], message: "must be after startsAt" });

/**
 * Mirrors an event's bookable facts into the seat counter. Called by the events domain inside
 * its own transaction, so a cancel and the end of bookings commit together. Added capacity goes
 * to the waitlist first (held, then served by the promotion job); capacity below what is sold is
 * refused.
 */
export async function upsertEventInventory({ ctx, input }: { ctx: Ctx; input: z.input<typeof upsertEventInventoryInput> }) {
  const i = upsertEventInventoryInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const [current] = await tx.select().from(eventInventory).where(eq(eventInventory.eventId, i.eventId)).for("update");
    const facts = {
      organizerId: i.organizerId,
      organizationId: i.organizationId,
      capacity: i.capacity,
      priceCents: i.priceCents,
      currency: i.currency,
      perUserLimit: i.perUserLimit,
      holdMinutes: i.holdMinutes,
      status: i.status,
      startsAt: i.startsAt,
      endsAt: i.endsAt,
      nameChangeDeadline: i.nameChangeDeadline,
      transfersAllowed: i.transfersAllowed,
      updatedAt: ctx.now(),
    };
    if (!current) {
      const [row] = await tx.insert(eventInventory).values({ eventId: i.eventId, ...facts }).returning();
      // An event created without types sells one, from its own capacity and price.
      const types = i.ticketTypes ?? [newTicketTypeFields.parse({ name: "General admission", priceCents: i.priceCents })];
      await tx.insert(ticketTypes).values(
        types.map((t, position) => ({
          ...t,
          salesStartAt: t.salesStartAt ? new Date(t.salesStartAt) : null,
          salesEndAt: t.salesEndAt ? new Date(t.salesEndAt) : null,
          eventId: i.eventId,
          position,
          createdAt: ctx.now(),
          updatedAt: ctx.now(),
        })),
      );
      return row!;
    }
    if (i.capacity < current.sold) {
      throw new Validation("CAPACITY_BELOW_SOLD", `Capacity cannot go below the ${current.sold} seats already sold.`, [
        { path: "capacity", message: `must be at least ${current.sold} (seats already sold)` },
      ]);
    }
    const growth = i.capacity - current.capacity;
    const waitingSeats = growth > 0 && i.status === "published" ? await seatsWaitedFor(tx, i.eventId) : 0;
    const room = i.capacity - current.sold;
    const held = Math.min(room, current.held + Math.min(Math.max(growth, 0), waitingSeats));
    const [row] = await tx
      .update(eventInventory)
      .set({ ...facts, held, version: sql`${eventInventory.version} + 1` })
      .where(eq(eventInventory.eventId, i.eventId))
      .returning();
    await keepSingleTypeInStep(tx, current, i, ctx.now());
    if (waitingSeats > 0) {
      await emit(tx, { name: "seats.released", data: { eventId: i.eventId, quantity: growth }, requestId: ctx.requestId });
    }
    return row!;
  });
}

async function seatsWaitedFor(tx: Tx, eventId: string): Promise<number> {
  const [row] = await tx
    .select({ seats: sql<number>`coalesce(sum(${waitlistEntries.quantity}), 0)::int` })
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.eventId, eventId), eq(waitlistEntries.status, "waiting")));
  return row?.seats ?? 0;
}

/**
 * An event that sells one type is edited through its price and capacity by clients that know
 * nothing of types: the type follows, so the price they set is the price buyers pay. A type
 * whose own capacity differed from the event's was set on purpose and keeps it.
 */
async function keepSingleTypeInStep(tx: Tx, before: EventInventory, after: { eventId: string; priceCents: number; capacity: number }, now: Date) {
  if (before.priceCents === after.priceCents && before.capacity === after.capacity) return;
  const types = await tx.select().from(ticketTypes).where(eq(ticketTypes.eventId, after.eventId)).limit(2).for("update");
  if (types.length !== 1) return;
  const only = types[0]!;
  const followsCapacity = only.capacity !== null && only.capacity === before.capacity;
  if (before.priceCents === after.priceCents && !followsCapacity) return;
  await tx
    .update(ticketTypes)
    .set({ priceCents: after.priceCents, ...(followsCapacity ? { capacity: after.capacity } : {}), version: sql`${ticketTypes.version} + 1`, updatedAt: now })
    .where(eq(ticketTypes.id, only.id));
}
