import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { isUuid } from "@/lib/domain/ids";
import { bookings, eventInventory } from "./schema";

export const listOrderEventsInput = z.object({ orderIds: z.array(z.string()) });

export type OrderEvent = { orderId: string; eventId: string; organizerId: string };

/**
 * Which event, and whose, each order belongs to: what analytics needs to file a refund the
 * payments domain reports by order. Orders this domain does not have are left out.
 */
export async function listOrderEvents({ ctx, input }: { ctx: Ctx; input: z.input<typeof listOrderEventsInput> }): Promise<OrderEvent[]> {
  authorize(ctx.actor, "analytics:system");
  const orderIds = [...new Set(listOrderEventsInput.parse(input).orderIds.filter(isUuid))];
  if (orderIds.length === 0) return [];
  return ctx.db
    .select({ orderId: bookings.id, eventId: bookings.eventId, organizerId: eventInventory.organizerId })
    .from(bookings)
    .innerJoin(eventInventory, eq(eventInventory.eventId, bookings.eventId))
    // One array parameter, however many orders reconciliation asks about.
    .where(sql`${bookings.id} = any(${`{${orderIds.join(",")}}`}::uuid[])`);
}
