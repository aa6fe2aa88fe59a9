import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { BadRequest } from "@/lib/domain/errors";
import { withTransaction } from "@/lib/db/transaction";
import { emailSchema } from "./email";
import { findUserByEmail } from "./find-user";
import { users, verificationCodes } from "./schema";
import { recordSecurityEvent } from "./security-log";
import { toUserView, type UserView } from "./user-view";
import { codeMatches, MAX_CODE_ATTEMPTS } from "./verification-code";
import { clientInfoSchema } from "./client-info";

export const verifyEmailInput = z.object({
  email: emailSchema,
  code: z.string().trim().max(32),
  client: clientInfoSchema,
});

const NO_USER_ID = "00000000-0000-0000-0000-000000000000";

function invalidCode(): BadRequest {
  return new BadRequest("INVALID_CODE", "That code is wrong or has expired. Request a new one.");
}

/**
 * Confirms the email with its code. Each try is counted before the comparison, in one
 * conditional update, so concurrent guesses cannot exceed five per code; after five wrong
 * tries, or ten minutes, the code is dead. Unknown emails get the same INVALID_CODE.
 */
export async function verifyEmail({ ctx, input }: { ctx: Ctx; input: z.input<typeof verifyEmailInput> }): Promise<{ user: UserView }> {
  const { email, code, client } = verifyEmailInput.parse(input);
  const now = ctx.now();
  const user = await findUserByEmail(ctx.db, email);

  // An unknown address runs the same counting statement (it matches no row), so its refusal
  // costs what a known address's does and the timing does not tell them apart.
  const [attempt] = await ctx.db
    .update(verificationCodes)
    .set({ attempts: sql`${verificationCodes.attempts} + 1` })
    .where(
      and(
        eq(verificationCodes.userId, user?.id ?? NO_USER_ID),
        isNull(verificationCodes.consumedAt),
        gt(verificationCodes.expiresAt, now),
        lt(verificationCodes.attempts, MAX_CODE_ATTEMPTS),
      ),
    )
    .returning({ id: verificationCodes.id, codeHash: verificationCodes.codeHash });
  if (!user || !attempt || !codeMatches(attempt.codeHash, user.id, code)) throw invalidCode();

  return withTransaction(ctx, async (tx) => {
    const [consumed] = await tx
      .update(verificationCodes)
      .set({ consumedAt: now })
      .where(and(eq(verificationCodes.id, attempt.id), isNull(verificationCodes.consumedAt)))
      .returning({ id: verificationCodes.id });
    if (!consumed) throw invalidCode();
    const [verified] = await tx
      .update(users)
      .set({ emailVerifiedAt: user.emailVerifiedAt ?? now, updatedAt: now })
      .where(eq(users.id, user.id))
      .returning();
    await recordSecurityEvent(tx, ctx, { type: "email_verified", userId: user.id, email: user.email, client });
    return { user: toUserView(verified!) };
  });
}
