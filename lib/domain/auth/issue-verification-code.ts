import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import type { Ctx } from "@/lib/domain/context";
import { emit } from "@/lib/jobs/emit";
import { verificationCodes } from "./schema";
import { CODE_TTL_MINUTES, generateCode, hashCode, sealCode } from "./verification-code";

/**
 * Replaces the user's code with a fresh one (a resend kills the previous code and its tries)
 * and emits the sealed code for the email job, in the caller's transaction.
 */
export async function issueVerificationCode(tx: Tx, ctx: Ctx, user: { id: string; email: string; name: string }): Promise<void> {
  const code = generateCode();
  const codeId = randomUUID();
  const now = ctx.now();
  const fresh = {
    id: codeId,
    codeHash: hashCode(user.id, code),
    attempts: 0,
    expiresAt: new Date(now.getTime() + CODE_TTL_MINUTES * 60_000),
    consumedAt: null,
    createdAt: now,
  };
  await tx
    .insert(verificationCodes)
    .values({ userId: user.id, ...fresh })
    .onConflictDoUpdate({ target: verificationCodes.userId, set: fresh });
  await emit(tx, {
    name: "auth.verification_code_issued",
    data: {
      userId: user.id,
      codeId,
      email: user.email,
      name: user.name,
      sealedCode: sealCode(code, codeId),
      expiresInMinutes: CODE_TTL_MINUTES,
    },
    requestId: ctx.requestId,
  });
}
