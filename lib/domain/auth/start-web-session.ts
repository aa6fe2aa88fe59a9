import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { withTransaction } from "@/lib/db/transaction";
import { checkPassword } from "./check-password";
import { clientInfoSchema } from "./client-info";
import { emailSchema } from "./email";
import { recordSecurityEvent } from "./security-log";
import { openSession } from "./sessions";
import { toUserView, type UserView } from "./user-view";

export const startWebSessionInput = z.object({
  email: emailSchema,
  password: z.string().min(1).max(1024),
  client: clientInfoSchema,
});

/** Web sign-in: the session row the next-auth cookie will carry the id of. */
export async function startWebSession({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof startWebSessionInput>;
}): Promise<{ user: UserView; sessionId: string; expiresAt: Date }> {
  const { email, password, client } = startWebSessionInput.parse(input);
  const user = await checkPassword(ctx, { email, password, client });
  const now = ctx.now();
  return withTransaction(ctx, async (tx) => {
    const session = await openSession(tx, { userId: user.id, kind: "web", client, now });
    await recordSecurityEvent(tx, ctx, { type: "sign_in_succeeded", userId: user.id, sessionId: session.id, email: user.email, client, details: { kind: "web" } });
    return { user: toUserView(user), sessionId: session.id, expiresAt: session.expiresAt };
  });
}
