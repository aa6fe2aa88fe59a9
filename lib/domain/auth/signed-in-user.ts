import type { Ctx, UserActor } from "@/lib/domain/context";
import { Unauthenticated } from "@/lib/domain/errors";
import { findUserById } from "./find-user";
import { authorize } from "./policy";
import type { UserRow } from "./schema";

/** The caller's own live account row, for the verbs that change it; anyone else is unauthenticated. */
export async function signedInUser(ctx: Ctx): Promise<{ actor: UserActor; user: UserRow }> {
  const actor = ctx.actor;
  authorize(actor, "account:manage");
  const user = actor.type === "user" ? await findUserById(ctx.db, actor.userId) : undefined;
  if (actor.type !== "user" || !user || user.deletedAt !== null) throw new Unauthenticated();
  return { actor, user };
}
