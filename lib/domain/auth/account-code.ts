import { randomUUID } from "node:crypto";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import type { Ctx } from "@/lib/domain/context";
import { BadRequest } from "@/lib/domain/errors";
import { accountCodes, type AccountCodePurpose } from "./schema";
import { codeMatches, generateCode, hashCode, MAX_CODE_ATTEMPTS, sealCode } from "./verification-code";

/** A reset link may sit in an inbox a while; the code still dies after 30 minutes and 5 tries. */
export const ACCOUNT_CODE_TTL_MINUTES = 30;

const NO_USER_ID = "00000000-0000-0000-0000-000000000000";

export function invalidCode(): BadRequest {
  return new BadRequest("INVALID_CODE", "That code is wrong or has expired. Request a new one.");
}

/** The hash is bound to the purpose too, so a reset code cannot confirm an email change. */
function scope(userId: string, purpose: AccountCodePurpose): string {
  return `${purpose}:${userId}`;
}

export type IssuedAccountCode = { codeId: string; sealedCode: string; expiresInMinutes: number };

/** Replaces the user's code for `purpose` (the previous one and its tries die), in the caller's transaction. */
export async function issueAccountCode(
  tx: Tx,
  ctx: Ctx,
  { userId, purpose, newEmail = null }: { userId: string; purpose: AccountCodePurpose; newEmail?: string | null },
): Promise<IssuedAccountCode> {
  const code = generateCode();
  const codeId = randomUUID();
  const now = ctx.now();
  const fresh = {
    id: codeId,
    codeHash: hashCode(scope(userId, purpose), code),
    newEmail,
    attempts: 0,
    expiresAt: new Date(now.getTime() + ACCOUNT_CODE_TTL_MINUTES * 60_000),
    consumedAt: null,
    createdAt: now,
  };
  await tx
    .insert(accountCodes)
    .values({ userId, purpose, ...fresh })
    .onConflictDoUpdate({ target: [accountCodes.userId, accountCodes.purpose], set: fresh });
  return { codeId, sealedCode: sealCode(code, codeId), expiresInMinutes: ACCOUNT_CODE_TTL_MINUTES };
}

/**
 * Counts one try at the user's live code and compares: the try is counted before the
 * comparison, in one conditional update, so concurrent guesses cannot exceed five. An unknown
 * user (undefined) runs the same statement, matching nothing, and gets the same INVALID_CODE.
 */
export async function tryAccountCode(
  ctx: Ctx,
  { userId, purpose, code }: { userId: string | undefined; purpose: AccountCodePurpose; code: string },
): Promise<{ id: string; newEmail: string | null }> {
  const [attempt] = await ctx.db
    .update(accountCodes)
    .set({ attempts: sql`${accountCodes.attempts} + 1` })
    .where(
      and(
        eq(accountCodes.userId, userId ?? NO_USER_ID),
        eq(accountCodes.purpose, purpose),
        isNull(accountCodes.consumedAt),
        gt(accountCodes.expiresAt, ctx.now()),
        lt(accountCodes.attempts, MAX_CODE_ATTEMPTS),
      ),
    )
    .returning({ id: accountCodes.id, codeHash: accountCodes.codeHash, newEmail: accountCodes.newEmail });
  if (!userId || !attempt || !codeMatches(attempt.codeHash, scope(userId, purpose), code)) throw invalidCode();
  return { id: attempt.id, newEmail: attempt.newEmail };
}

/** Spends a matched code once: of two racing confirmations one goes on, the other gets INVALID_CODE. */
export async function consumeAccountCode(tx: Tx, { id, now }: { id: string; now: Date }): Promise<void> {
  const [consumed] = await tx
    .update(accountCodes)
    .set({ consumedAt: now })
    .where(and(eq(accountCodes.id, id), isNull(accountCodes.consumedAt)))
    .returning({ id: accountCodes.id });
  if (!consumed) throw invalidCode();
}
