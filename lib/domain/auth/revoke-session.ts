import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { withTransaction } from "@/lib/db/transaction";
import { authorize } from "./policy";
import { clientInfoSchema } from "./client-info";
import { recordSecurityEvent } from "./security-log";
import { revokeSessionRow } from "./sessions";

export const revokeSessionInput = z.object({ sessionId: z.string(), client: clientInfoSchema });

/**
 * Ends one of the caller's own sessions, which stops its cookie, access token and refresh
 * token on their next use. Another user's session, or one already ended, is not found.
 */
export async function revokeSession({ ctx, input }: { ctx: Ctx; input: z.input<typeof revokeSessionInput> }): Promise<void> {
  const { sessionId, client } = revokeSessionInput.parse(input);
  const actor = ctx.actor;
  authorize(actor, "account:manage");
  if (actor.type !== "user" || !isUuid(sessionId)) throw new NotFound("SESSION_NOT_FOUND", "No such session.");
  await withTransaction(ctx, async (tx) => {
    const revoked = await revokeSessionRow(tx, { sessionId, userId: actor.userId, reason: "revoked_by_user", now: ctx.now() });
    if (!revoked) throw new NotFound("SESSION_NOT_FOUND", "No such session.");
    await recordSecurityEvent(tx, ctx, {
      type: "session_revoked",
      userId: actor.userId,
      sessionId,
      client,
      details: { reason: "revoked_by_user", current: sessionId === actor.sessionId },
    });
  });
}
