import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { withTransaction } from "@/lib/db/transaction";
import { checkPassword } from "./check-password";
import { clientInfoSchema } from "./client-info";
import { emailSchema } from "./email";
import { recordSecurityEvent } from "./security-log";
import { openSession } from "./sessions";
import { createTokenPair, type TokenPair } from "./token-pair";

export const issueTokensInput = z.object({
  email: emailSchema,
  password: z.string().min(1).max(1024),
  client: clientInfoSchema,
});

/** API sign-in: email and password in, an API session and its first token pair out. */
export async function issueTokens({ ctx, input }: { ctx: Ctx; input: z.input<typeof issueTokensInput> }): Promise<TokenPair> {
  const { email, password, client } = issueTokensInput.parse(input);
  const user = await checkPassword(ctx, { email, password, client });
  const now = ctx.now();
  return withTransaction(ctx, async (tx) => {
    const session = await openSession(tx, { userId: user.id, kind: "api", client, now });
    await recordSecurityEvent(tx, ctx, { type: "sign_in_succeeded", userId: user.id, sessionId: session.id, email: user.email, client, details: { kind: "api" } });
    return createTokenPair(tx, { userId: user.id, role: user.role, sessionId: session.id, sessionExpiresAt: session.expiresAt, now });
  });
}
