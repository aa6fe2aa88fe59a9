import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { Forbidden } from "@/lib/domain/errors";
import { unsealCode } from "./verification-code";

export const unsealVerificationCodeInput = z.object({ codeId: z.uuid(), sealedCode: z.string().min(1) });

/**
 * The clear code of an `auth.verification_code_issued` fact, for the job that mails it and for
 * nobody else: the caller puts it straight into the message and never stores or returns it.
 */
export function unsealVerificationCode({ ctx, input }: { ctx: Ctx; input: z.input<typeof unsealVerificationCodeInput> }): string {
  if (ctx.actor.type !== "system") throw new Forbidden();
  const { codeId, sealedCode } = unsealVerificationCodeInput.parse(input);
  return unsealCode(sealedCode, codeId);
}
