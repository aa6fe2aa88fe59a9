import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { Validation } from "@/lib/domain/errors";
import { emit } from "@/lib/jobs/emit";
import { eventInventory, ticketTypes, waitlistEntries } from "./schema";

export const upsertEventInventoryInput = z
  .object({
    eventId: z.uuid(),
    organizerId: z.uuid(),
    capacity: z.number().int().min(1).max(1_000_000),
    priceCents: z.number().int().nonnegative(),
    currency: z.string().regex(/^[A-Z]{3}$/),
    perUserLimit: z.number().int().min(1).max(10).default(10),
    status: z.enum(["draft", "published", "cancelled"]),
    startsAt: z.coerce.date(),
    endsAt: z.coerce.date(),
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
      capacity: i.capacity,
      priceCents: i.priceCents,
      currency: i.currency,
      perUserLimit: i.perUserLimit,
      status: i.status,
      startsAt: i.startsAt,
      endsAt: i.endsAt,
      updatedAt: ctx.now(),
    };
    if (!current) {
      const [row] = await tx.insert(eventInventory).values({ eventId: i.eventId, ...facts }).returning();
      // An event created without types sells one, from its own capacity and price.
      await tx.insert(ticketTypes).values({ eventId: i.eventId, name: "General admission", priceCents: i.priceCents, createdAt: ctx.now(), updatedAt: ctx.now() });
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
    // The event's one price edits its one type: an event selling a single type keeps the two in step.
    if (i.priceCents !== current.priceCents) {
      await tx.execute(sql`
        update bookings.ticket_types set price_cents = ${i.priceCents}::int, updated_at = ${ctx.now().toISOString()}::timestamptz
         where event_id = ${i.eventId}::uuid and retired_at is null
           and (select count(*) from bookings.ticket_types o where o.event_id = ${i.eventId}::uuid and o.retired_at is null) = 1`);
    }
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
