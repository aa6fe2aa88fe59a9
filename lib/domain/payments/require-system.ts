import type { Ctx } from "@/lib/domain/context";
import { Forbidden } from "@/lib/domain/errors";

/**
 * Money moves only on behalf of lib/checkout and the jobs, which check the caller against the
 * order (the payments domain does not know who bought what) and then act as the system.
 */
export function requireSystem(ctx: Ctx): void {
  if (ctx.actor.type !== "system") throw new Forbidden();
}
