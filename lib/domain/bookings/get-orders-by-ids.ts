import { inArray } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { Forbidden } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { withOrderDetails, type OrderView } from "./order-view";
import { bookings } from "./schema";

export const getOrdersByIdsInput = z.object({ ids: z.array(z.string()).max(1000) });

/**
 * Orders with their lines and tickets for the jobs that mail their buyers. Ticket codes get
 * people in at the door, so only the system actor reads them this way; faces use getOrder.
 */
export async function getOrdersByIds({ ctx, input }: { ctx: Ctx; input: z.input<typeof getOrdersByIdsInput> }): Promise<OrderView[]> {
  if (ctx.actor.type !== "system") throw new Forbidden();
  const ids = [...new Set(getOrdersByIdsInput.parse(input).ids.filter(isUuid))];
  if (ids.length === 0) return [];
  return withOrderDetails(ctx.db, await ctx.db.select().from(bookings).where(inArray(bookings.id, ids)));
}
