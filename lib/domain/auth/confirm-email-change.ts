import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { Conflict } from "@/lib/domain/errors";
import { withTransaction } from "@/lib/db/transaction";
import { consumeAccountCode, tryAccountCode } from "./account-code";
import { clientInfoSchema } from "./client-info";
import { users } from "./schema";
import { recordSecurityEvent } from "./security-log";
import { signedInUser } from "./signed-in-user";
import { toUserView, type UserView } from "./user-view";

export const confirmEmailChangeInput = z.object({ code: z.string().trim().max(32), client: clientInfoSchema });

/** The unique index on lower(email), as postgres.js reports it through drizzle's wrapper. */
function isEmailTaken(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const pg = e as { code?: unknown; constraint_name?: unknown };
    if (pg.code === "23505") return pg.constraint_name === "users_email_lower_unique";
  }
  return false;
}

function emailTaken(): Conflict {
  return new Conflict("EMAIL_TAKEN", "That address now belongs to another account.");
}

/**
 * Moves the caller's account to the address the code was sent to, now proven. If another
 * account took that address meanwhile, the unique index refuses it (409 EMAIL_TAKEN).
 */
export async function confirmEmailChange({ ctx, input }: { ctx: Ctx; input: z.input<typeof confirmEmailChangeInput> }): Promise<{ user: UserView }> {
  const { code, client } = confirmEmailChangeInput.parse(input);
  const { user } = await signedInUser(ctx);
  const attempt = await tryAccountCode(ctx, { userId: user.id, purpose: "email_change", code });
  const newEmail = attempt.newEmail!;
  const now = ctx.now();
  try {
    return await withTransaction(ctx, async (tx) => {
      await consumeAccountCode(tx, { id: attempt.id, now });
      const [updated] = await tx.update(users).set({ email: newEmail, emailVerifiedAt: now, updatedAt: now }).where(eq(users.id, user.id)).returning();
      await recordSecurityEvent(tx, ctx, { type: "email_changed", userId: user.id, email: newEmail, client, details: { from: user.email, to: newEmail } });
      return { user: toUserView(updated!) };
    });
  } catch (error) {
    if (isEmailTaken(error)) throw emailTaken();
    throw error;
  }
}
