import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { Validation } from "@/lib/domain/errors";
import { withTransaction } from "@/lib/db/transaction";
import { consumeAccountCode, invalidCode, tryAccountCode } from "./account-code";
import { clientInfoSchema } from "./client-info";
import { emailSchema } from "./email";
import { findUserByEmail } from "./find-user";
import { hashPassword } from "./password";
import { passwordProblem, PASSWORD_MAX_LENGTH } from "./password-policy";
import { users } from "./schema";
import { recordSecurityEvent } from "./security-log";
import { revokeUserSessions } from "./sessions";

export const confirmPasswordResetInput = z.object({
  email: emailSchema,
  code: z.string().trim().max(32),
  password: z.string().max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`),
  client: clientInfoSchema,
});

/**
 * Sets a new password with the mailed code and ends every session of the account, wherever it
 * was signed in: whoever knew the old password is out. The code also proves the mailbox, so an
 * unconfirmed address becomes confirmed. Wrong, spent, expired and unknown all answer INVALID_CODE.
 */
export async function confirmPasswordReset({ ctx, input }: { ctx: Ctx; input: z.input<typeof confirmPasswordResetInput> }): Promise<void> {
  const { email, code, password, client } = confirmPasswordResetInput.parse(input);
  const problem = passwordProblem(password, { email });
  if (problem) throw new Validation("WEAK_PASSWORD", problem, [{ path: "password", message: problem }]);
  const found = await findUserByEmail(ctx.db, email);
  const user = found && found.deletedAt === null ? found : undefined;
  const attempt = await tryAccountCode(ctx, { userId: user?.id, purpose: "password_reset", code });
  if (!user) throw invalidCode();
  const passwordHash = await hashPassword(password);
  const now = ctx.now();
  await withTransaction(ctx, async (tx) => {
    await consumeAccountCode(tx, { id: attempt.id, now });
    await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now.toISOString()}::timestamptz)`, updatedAt: now })
      .where(eq(users.id, user.id));
    const sessions = await revokeUserSessions(tx, { userId: user.id, reason: "password_reset", now });
    await recordSecurityEvent(tx, ctx, { type: "password_reset", userId: user.id, email: user.email, client, details: { sessionsRevoked: sessions } });
  });
}
