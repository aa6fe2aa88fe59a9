import { and, asc, eq, gt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { Forbidden } from "@/lib/domain/errors";
import { bookingItems, bookings } from "./schema";

export const listOrdersToNotifyInput = z.object({
  eventId: z.uuid(),
  /** Only orders holding a ticket of this type; null: every order. */
  ticketTypeId: z.uuid().nullable().default(null),
  /** Keyset cursor over order ids; null for the first page. */
  afterOrderId: z.uuid().nullable(),
  limit: z.number().int().min(1).max(500),
});

export type OrderToNotify = { orderId: string; userId: string; quantity: number; holderEmails: string[] };

/**
 * The event's confirmed orders in id order from `afterOrderId`, each with the emails its
 * transferred tickets went to: whom a reminder or an organizer's message reaches. Cancelled,
 * refunded, expired and unpaid orders are not holders. For the jobs that mail holders.
 */
export async function listOrdersToNotify({ ctx, input }: { ctx: Ctx; input: z.input<typeof listOrdersToNotifyInput> }): Promise<OrderToNotify[]> {
  if (ctx.actor.type !== "system") throw new Forbidden();
  const i = listOrdersToNotifyInput.parse(input);
  const rows = await ctx.db
    .select({
      orderId: bookings.id,
      userId: bookings.userId,
      quantity: bookings.quantity,
      holderEmails: sql<string[]>`coalesce(array_agg(distinct ${bookingItems.holderEmail}) filter (where ${bookingItems.holderEmail} is not null), '{}')`,
    })
    .from(bookings)
    .innerJoin(bookingItems, eq(bookingItems.bookingId, bookings.id))
    .where(
      and(
        eq(bookings.eventId, i.eventId),
        eq(bookings.status, "confirmed"),
        i.afterOrderId ? gt(bookings.id, i.afterOrderId) : undefined,
        i.ticketTypeId ? eq(bookingItems.ticketTypeId, i.ticketTypeId) : undefined,
      ),
    )
    .groupBy(bookings.id)
    .orderBy(asc(bookings.id))
    .limit(i.limit);
  return rows;
}
