import type { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { withTransaction } from "@/lib/db/transaction";
import { recordSecurityEvent } from "./security-log";
import { openSession } from "./sessions";
import type { UserView } from "./user-view";
import { verifyEmail, verifyEmailInput } from "./verify-email";

/**
 * Web verification: the code proves the mailbox of the account it was sent for, so the person
 * who just entered it is signed in there and then (a web session) instead of being sent to
 * type their password again.
 */
export async function verifyEmailAndSignIn({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof verifyEmailInput>;
}): Promise<{ user: UserView; sessionId: string }> {
  const { client } = verifyEmailInput.parse(input);
  const { user } = await verifyEmail({ ctx, input });
  return withTransaction(ctx, async (tx) => {
    const session = await openSession(tx, { userId: user.id, kind: "web", client, now: ctx.now() });
    await recordSecurityEvent(tx, ctx, {
      type: "sign_in_succeeded",
      userId: user.id,
      sessionId: session.id,
      email: user.email,
      client,
      details: { kind: "web", method: "email_code" },
    });
    return { user, sessionId: session.id };
  });
}
