import { sql } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { deliveries } from "./schema";

export const purgeWebhookDeliveriesInput = z.object({ before: z.date(), limit: z.number().int().min(1).max(10_000) });

/**
 * Retention (lib/ops/retention.ts): deletes up to `limit` settled deliveries (delivered or given
 * up) created before `before`, in one short statement; pending and retrying ones stay whatever
 * their age. Returns how many went; the caller repeats until fewer come back.
 */
export async function purgeWebhookDeliveries({ ctx, input }: { ctx: Ctx; input: z.input<typeof purgeWebhookDeliveriesInput> }): Promise<number> {
  authorize(ctx.actor, "retention:apply");
  const { before, limit } = purgeWebhookDeliveriesInput.parse(input);
  const deleted = await ctx.db.execute(sql`
    delete from ${deliveries} where ctid = any(array(
      select ctid from ${deliveries}
      where ${deliveries.status} in ('succeeded', 'dead') and ${deliveries.createdAt} < ${before.toISOString()}::timestamptz
      limit ${limit}))`);
  return deleted.count;
}
