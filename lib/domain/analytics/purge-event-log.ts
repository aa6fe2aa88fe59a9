import { sql } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { eventLog } from "./schema";

export const purgeEventLogInput = z.object({ before: z.date(), limit: z.number().int().min(1).max(10_000) });

/**
 * Retention (lib/ops/retention.ts): deletes up to `limit` applied-fact markers older than
 * `before` (no fact is redelivered that late), in one short statement, and returns how many
 * went; the caller repeats until fewer come back.
 */
export async function purgeEventLog({ ctx, input }: { ctx: Ctx; input: z.input<typeof purgeEventLogInput> }): Promise<number> {
  authorize(ctx.actor, "retention:apply");
  const { before, limit } = purgeEventLogInput.parse(input);
  const deleted = await ctx.db.execute(sql`
    delete from ${eventLog} where ctid = any(array(
      select ctid from ${eventLog} where ${eventLog.appliedAt} < ${before.toISOString()}::timestamptz limit ${limit}))`);
  return deleted.count;
}
