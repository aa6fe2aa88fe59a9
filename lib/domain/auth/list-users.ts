import { and, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { afterCursor, cursorTime, toPage } from "@/lib/domain/cursor";
import { authorize } from "./policy";
import { users } from "./schema";
import { toUserView, type UserView } from "./user-view";

export const listUsersInput = z.object({
  q: z.string().trim().max(200).optional(),
  role: z.enum(["attendee", "organizer", "admin"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Admins: every account, newest first, searchable by email or name. */
export async function listUsers({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof listUsersInput>;
}): Promise<{ data: UserView[]; nextCursor: string | null }> {
  authorize(ctx.actor, "user:manage");
  const { q, role, limit, cursor } = listUsersInput.parse(input);
  const filters: (SQL | undefined)[] = [
    q ? or(ilike(users.email, likePattern(q)), ilike(users.name, likePattern(q))) : undefined,
    role ? eq(users.role, role) : undefined,
    afterCursor(users.createdAt, users.id, cursor),
  ];
  const rows = await ctx.db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      emailVerifiedAt: users.emailVerifiedAt,
      createdAt: users.createdAt,
      cursorAt: cursorTime(users.createdAt),
    })
    .from(users)
    .where(and(...filters))
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(limit + 1);
  const { page, nextCursor } = toPage(rows, limit);
  return { data: page.map(toUserView), nextCursor };
}
