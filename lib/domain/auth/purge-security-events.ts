import { sql } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "@/lib/domain/auth/policy";
import type { Ctx } from "@/lib/domain/context";
import { securityEvents } from "./schema";

export const purgeSecurityEventsInput = z.object({ before: z.date(), limit: z.number().int().min(1).max(10_000) });

/**
 * Retention (lib/ops/retention.ts): deletes up to `limit` security log entries older than
 * `before`, in one short statement, and returns how many went; the caller repeats until fewer
 * come back.
 */
export async function purgeSecurityEvents({ ctx, input }: { ctx: Ctx; input: z.input<typeof purgeSecurityEventsInput> }): Promise<number> {
  authorize(ctx.actor, "retention:apply");
  const { before, limit } = purgeSecurityEventsInput.parse(input);
  const deleted = await ctx.db.execute(sql`
    delete from ${securityEvents} where ctid = any(array(
      select ctid from ${securityEvents} where ${securityEvents.createdAt} < ${before.toISOString()}::timestamptz limit ${limit}))`);
  return deleted.count;
}
