import { and, desc } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { afterCursor, cursorTime, toPage } from "@/lib/domain/cursor";
import { manageableBy } from "./endpoint-access";
import { toEndpointView } from "./endpoint-view";
import { endpoints } from "./schema";

export const listEndpointsInput = z.object({
  limit: z.number().int().min(1).max(100).default(20),
  cursor: z.string().optional(),
});

/** The endpoints the caller may manage (their organizations', see endpoint-access.ts), newest first, without their secrets. */
export async function listEndpoints({ ctx, input }: { ctx: Ctx; input: z.input<typeof listEndpointsInput> }) {
  const i = listEndpointsInput.parse(input);
  const rows = await ctx.db
    .select({ row: endpoints, cursorAt: cursorTime(endpoints.createdAt), id: endpoints.id })
    .from(endpoints)
    .where(and(manageableBy(ctx.actor), afterCursor(endpoints.createdAt, endpoints.id, i.cursor)))
    .orderBy(desc(endpoints.createdAt), desc(endpoints.id))
    .limit(i.limit + 1);
  const { page, nextCursor } = toPage(rows, i.limit);
  return { data: page.map((p) => toEndpointView(p.row)), nextCursor };
}
