import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { Conflict, NotFound } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { withTransaction } from "@/lib/db/transaction";
import { clientInfoSchema } from "./client-info";
import { authorize } from "./policy";
import { users } from "./schema";
import { recordSecurityEvent } from "./security-log";
import { toUserView, type UserView } from "./user-view";

export const changeUserRoleInput = z.object({
  userId: z.string(),
  role: z.enum(["attendee", "organizer", "admin"]),
  client: clientInfoSchema,
});

/**
 * Admins set anyone's role; it applies on that user's next request. The last admin cannot be
 * demoted (by themselves — nobody else can): the admin rows are locked while counting, so two
 * admins demoting each other at once cannot leave none.
 */
export async function changeUserRole({ ctx, input }: { ctx: Ctx; input: z.input<typeof changeUserRoleInput> }): Promise<{ user: UserView }> {
  authorize(ctx.actor, "user:manage");
  const { userId, role, client } = changeUserRoleInput.parse(input);
  if (!isUuid(userId)) throw new NotFound("USER_NOT_FOUND", "No such user.");
  return withTransaction(ctx, async (tx) => {
    const admins = await tx.execute<{ id: string }>(sql`select id from ${users} where ${users.role} = 'admin' for update`);
    const [target] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!target) throw new NotFound("USER_NOT_FOUND", "No such user.");
    if (target.role === role) return { user: toUserView(target) };
    if (target.role === "admin" && admins.length <= 1) {
      throw new Conflict("LAST_ADMIN", "This is the last admin account; make someone else admin first.");
    }
    const [updated] = await tx.update(users).set({ role, updatedAt: ctx.now() }).where(eq(users.id, userId)).returning();
    await recordSecurityEvent(tx, ctx, {
      type: "role_changed",
      userId,
      email: target.email,
      client,
      details: { from: target.role, to: role },
    });
    return { user: toUserView(updated!) };
  });
}
