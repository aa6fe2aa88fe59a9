import { sql } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "@/lib/domain/auth/policy";
import type { Ctx } from "@/lib/domain/context";
import { users } from "./schema";

/** API.md: an address nobody proved within a week is freed again. */
export const UNVERIFIED_ACCOUNT_DAYS = 7;

export const purgeUnverifiedUsersInput = z.object({
  before: z.date(),
  limit: z.number().int().min(1).max(10_000),
  /** Accounts other domains still point at (an organizer's events): kept, whatever their age. */
  keepUserIds: z.array(z.uuid()).default([]),
});

/**
 * Retention (lib/ops/retention.ts): deletes up to `limit` accounts still unverified that were
 * registered (or last re-registered) before `before`; their sessions, refresh tokens and code
 * go with them (foreign keys cascade). The conditions are repeated in the DELETE itself, so an
 * account verified or re-registered while the batch runs is not touched. An unverified user
 * cannot book or join a waitlist, so no other domain holds their id, except events made before
 * that rule: the caller names those owners in `keepUserIds`.
 */
export async function purgeUnverifiedUsers({ ctx, input }: { ctx: Ctx; input: z.input<typeof purgeUnverifiedUsersInput> }): Promise<number> {
  authorize(ctx.actor, "retention:apply");
  const { before, limit, keepUserIds } = purgeUnverifiedUsersInput.parse(input);
  const cutoff = before.toISOString();
  const keep = sql`${`{${keepUserIds.join(",")}}`}::uuid[]`;
  const deleted = await ctx.db.execute(sql`
    delete from ${users} where id = any(array(
      select id from ${users}
      where email_verified_at is null and created_at < ${cutoff}::timestamptz and not (id = any(${keep}))
      limit ${limit}))
    and email_verified_at is null and created_at < ${cutoff}::timestamptz`);
  return deleted.count;
}
