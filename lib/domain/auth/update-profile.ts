import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { Validation } from "@/lib/domain/errors";
import { withTransaction } from "@/lib/db/transaction";
import { invalidCredentials } from "./check-password";
import { clientInfoSchema } from "./client-info";
import { hashPassword, verifyPassword } from "./password";
import { passwordProblem, PASSWORD_MAX_LENGTH } from "./password-policy";
import { users } from "./schema";
import { recordSecurityEvent } from "./security-log";
import { revokeUserSessions } from "./sessions";
import { signedInUser } from "./signed-in-user";
import { toUserView, type UserView } from "./user-view";

export const userNameSchema = z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters.");

export const updateProfileInput = z.object({
  name: userNameSchema.optional(),
  password: z.string().max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`).optional(),
  currentPassword: z.string().max(1024).optional(),
  client: clientInfoSchema,
});

/**
 * Changes the caller's name and/or password. A new password needs the current one (a stolen
 * session alone cannot take the account over) and ends every other session of the account,
 * keeping the one that made the change signed in.
 */
export async function updateProfile({ ctx, input }: { ctx: Ctx; input: z.input<typeof updateProfileInput> }): Promise<{ user: UserView }> {
  const { name, password, currentPassword, client } = updateProfileInput.parse(input);
  const { actor, user } = await signedInUser(ctx);
  let passwordHash: string | undefined;
  if (password !== undefined) {
    if (!currentPassword) throw new Validation("CURRENT_PASSWORD_REQUIRED", "Enter your current password.", [{ path: "currentPassword", message: "Enter your current password." }]);
    const problem = passwordProblem(password, { email: user.email, name: name ?? user.name });
    if (problem) throw new Validation("WEAK_PASSWORD", problem, [{ path: "password", message: problem }]);
    if (!(await verifyPassword(user.passwordHash, currentPassword))) throw invalidCredentials();
    passwordHash = await hashPassword(password);
  }
  const now = ctx.now();
  return withTransaction(ctx, async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ ...(name !== undefined ? { name } : {}), ...(passwordHash ? { passwordHash } : {}), updatedAt: now })
      .where(eq(users.id, user.id))
      .returning();
    if (passwordHash) {
      const sessions = await revokeUserSessions(tx, { userId: user.id, reason: "password_changed", now, keepSessionId: actor.sessionId ?? undefined });
      await recordSecurityEvent(tx, ctx, {
        type: "password_changed",
        userId: user.id,
        sessionId: actor.sessionId,
        email: user.email,
        client,
        details: { sessionsRevoked: sessions },
      });
    }
    return { user: toUserView(updated!) };
  });
}
