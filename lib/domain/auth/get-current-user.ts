import type { Ctx } from "@/lib/domain/context";
import { Unauthenticated } from "@/lib/domain/errors";
import { findUserById } from "./find-user";
import { authorize } from "./policy";
import { toUserView, type UserView } from "./user-view";

/** The signed-in user's own account. */
export async function getCurrentUser({ ctx }: { ctx: Ctx; input?: Record<string, never> }): Promise<{ user: UserView }> {
  const actor = ctx.actor;
  authorize(actor, "account:manage");
  const row = actor.type === "user" ? await findUserById(ctx.db, actor.userId) : undefined;
  if (!row) throw new Unauthenticated();
  return { user: toUserView(row) };
}
