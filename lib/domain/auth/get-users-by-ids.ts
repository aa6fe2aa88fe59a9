import { count, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx, Role } from "@/lib/domain/context";
import { isUuid } from "@/lib/domain/ids";
import { normalizeEmail } from "./email";
import { users } from "./schema";

export const getUsersByIdsInput = z.object({ ids: z.array(z.string()).max(1000) });

export type UserSummary = { id: string; email: string; name: string; role: Role };

/**
 * For other domains (attendee lists, emails): names and addresses of the given users, in no
 * particular order; unknown ids are left out. The caller has already decided its actor may see them.
 */
export async function getUsersByIds({ ctx, input }: { ctx: Ctx; input: z.input<typeof getUsersByIdsInput> }): Promise<UserSummary[]> {
  const ids = [...new Set(getUsersByIdsInput.parse(input).ids.filter(isUuid))];
  if (ids.length === 0) return [];
  return ctx.db.select({ id: users.id, email: users.email, name: users.name, role: users.role }).from(users).where(inArray(users.id, ids));
}

export const getUsersByEmailsInput = z.object({ emails: z.array(z.string()).max(1000) });

/** For seeds and imports of other domains: the accounts behind these addresses (any case). */
export async function getUsersByEmails({ ctx, input }: { ctx: Ctx; input: z.input<typeof getUsersByEmailsInput> }): Promise<UserSummary[]> {
  const emails = [...new Set(getUsersByEmailsInput.parse(input).emails.map(normalizeEmail))];
  if (emails.length === 0) return [];
  return ctx.db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(inArray(sql`lower(${users.email})`, emails));
}

/** How many accounts exist (system analytics). */
export async function countUsers({ ctx }: { ctx: Ctx; input?: Record<string, never> }): Promise<number> {
  const [row] = await ctx.db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}
