import { sql } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { auditLog } from "./schema";

export const purgeAuditLogInput = z.object({ before: z.date(), limit: z.number().int().min(1).max(10_000) });

/**
 * Retention (lib/ops/retention.ts): deletes up to `limit` booking and waitlist audit rows older
 * than `before`, in one short statement, and returns how many went; the caller repeats until
 * fewer come back.
 */
export async function purgeAuditLog({ ctx, input }: { ctx: Ctx; input: z.input<typeof purgeAuditLogInput> }): Promise<number> {
  authorize(ctx.actor, "retention:apply");
  const { before, limit } = purgeAuditLogInput.parse(input);
  const deleted = await ctx.db.execute(sql`
    delete from ${auditLog} where ctid = any(array(
      select ctid from ${auditLog} where ${auditLog.at} < ${before.toISOString()}::timestamptz limit ${limit}))`);
  return deleted.count;
}
