import type { Ctx } from "@/lib/domain/context";
import { Forbidden } from "@/lib/domain/errors";

/** Applying facts and rebuilding read models is the jobs' work: no user, not even an admin, calls it. */
export function requireSystem(ctx: Ctx): void {
  if (ctx.actor.type !== "system") throw new Forbidden();
}
