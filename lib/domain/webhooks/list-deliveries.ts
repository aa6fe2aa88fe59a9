import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { afterCursor, cursorTime, toPage } from "@/lib/domain/cursor";
import { loadEndpointToManage } from "./endpoint-access";
import { toDeliveryView } from "./endpoint-view";
import { deliveries } from "./schema";

export const listDeliveriesInput = z.object({
  endpointId: z.string(),
  limit: z.number().int().min(1).max(100).default(20),
  cursor: z.string().optional(),
});

/** An endpoint's delivery log, newest first (those who manage the endpoint only). */
export async function listDeliveries({ ctx, input }: { ctx: Ctx; input: z.input<typeof listDeliveriesInput> }) {
  const i = listDeliveriesInput.parse(input);
  const endpoint = await loadEndpointToManage(ctx.db, ctx.actor, i.endpointId);
  const rows = await ctx.db
    .select({ row: deliveries, cursorAt: cursorTime(deliveries.createdAt), id: deliveries.id })
    .from(deliveries)
    .where(and(eq(deliveries.endpointId, endpoint.id), afterCursor(deliveries.createdAt, deliveries.id, i.cursor)))
    .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
    .limit(i.limit + 1);
  const { page, nextCursor } = toPage(rows, i.limit);
  return { data: page.map((p) => toDeliveryView(p.row)), nextCursor };
}
