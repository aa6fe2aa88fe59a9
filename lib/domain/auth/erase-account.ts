import { eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { Conflict } from "@/lib/domain/errors";
import { withTransaction } from "@/lib/db/transaction";
import { invalidCredentials } from "./check-password";
import { clientInfoSchema } from "./client-info";
import { verifyPassword } from "./password";
import { accountCodes, refreshTokens, securityEvents, users, userSessions, verificationCodes } from "./schema";
import { recordSecurityEvent } from "./security-log";
import { revokeUserSessions } from "./sessions";
import { signedInUser } from "./signed-in-user";

export const eraseAccountInput = z.object({ password: z.string().min(1, "Enter your password.").max(1024), client: clientInfoSchema });

/** What a deleted account is called wherever an organizer's books still show it. */
export const DELETED_USER_NAME = "Deleted user";

/** An address no one can receive mail at or register (RFC 2606 `.invalid`), unique per account. */
function erasedEmail(userId: string): string {
  return `deleted-${userId}@deleted.invalid`;
}

/**
 * Deletes the caller's account by erasing what identifies the person: the name and address are
 * replaced, the password hash emptied (no password matches it), every session ended and its
 * refresh tokens deleted, pending codes deleted, and the address struck from the security log.
 * The row itself stays, so bookings and waitlist entries that point at it remain in the
 * organizers' books under "Deleted user". The last admin cannot leave (409 LAST_ADMIN): the
 * admin rows are locked while counting, as for a demotion.
 */
export async function eraseAccount({ ctx, input }: { ctx: Ctx; input: z.input<typeof eraseAccountInput> }): Promise<void> {
  const { password, client } = eraseAccountInput.parse(input);
  const { user } = await signedInUser(ctx);
  if (!(await verifyPassword(user.passwordHash, password))) throw invalidCredentials();
  const now = ctx.now();
  await withTransaction(ctx, async (tx) => {
    if (user.role === "admin") {
      const admins = await tx.execute<{ id: string }>(sql`select id from ${users} where ${users.role} = 'admin' and ${users.deletedAt} is null for update`);
      if (admins.length <= 1) throw new Conflict("LAST_ADMIN", "This is the last admin account; make someone else admin before deleting it.");
    }
    await tx
      .update(users)
      .set({ name: DELETED_USER_NAME, email: erasedEmail(user.id), passwordHash: "", role: "attendee", deletedAt: now, updatedAt: now })
      .where(eq(users.id, user.id));
    const sessions = await revokeUserSessions(tx, { userId: user.id, reason: "account_deleted", now });
    await tx.delete(refreshTokens).where(inArray(refreshTokens.sessionId, tx.select({ id: userSessions.id }).from(userSessions).where(eq(userSessions.userId, user.id))));
    await tx.update(userSessions).set({ userAgent: "", ip: "" }).where(eq(userSessions.userId, user.id));
    await tx.delete(verificationCodes).where(eq(verificationCodes.userId, user.id));
    await tx.delete(accountCodes).where(eq(accountCodes.userId, user.id));
    await tx.update(securityEvents).set({ email: null }).where(eq(securityEvents.userId, user.id));
    await recordSecurityEvent(tx, ctx, { type: "account_deleted", userId: user.id, client, details: { sessionsRevoked: sessions, role: user.role } });
  });
}
