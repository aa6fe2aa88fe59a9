import { sql } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { idempotencyKeys } from "./schema";

export const purgeIdempotencyKeysInput = z.object({ before: z.date(), limit: z.number().int().min(1).max(10_000) });

/**
 * Retention (lib/ops/retention.ts): deletes up to `limit` stored idempotent answers older than
 * `before` (a retry that late is a new request), in one short statement, and returns how many
 * went; the caller repeats until fewer come back.
 */
export async function purgeIdempotencyKeys({ ctx, input }: { ctx: Ctx; input: z.input<typeof purgeIdempotencyKeysInput> }): Promise<number> {
  authorize(ctx.actor, "retention:apply");
  const { before, limit } = purgeIdempotencyKeysInput.parse(input);
  const deleted = await ctx.db.execute(sql`
    delete from ${idempotencyKeys} where ctid = any(array(
      select ctid from ${idempotencyKeys} where ${idempotencyKeys.createdAt} < ${before.toISOString()}::timestamptz limit ${limit}))`);
  return deleted.count;
}
