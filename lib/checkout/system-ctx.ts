import type { Ctx } from "@/lib/domain/context";
import { system } from "@/lib/domain/context";

/** After checking the caller against the order, lib/checkout moves money as the system (the payments domain does not know buyers). */
export function asSystem(ctx: Ctx): Ctx {
  return { ...ctx, actor: system };
}
