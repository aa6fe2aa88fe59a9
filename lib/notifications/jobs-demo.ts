import type { Ctx } from "@/lib/domain/context";
import { sendEmail, type SendEmailResult } from "@/lib/mail/send-email";

/**
 * The test message that proves the pipeline end to end (outbox → job → mail). `requestedAt` is
 * the fact's own time, the same on every retry; the fact id makes the dedupe key.
 */
export function sendJobsDemoEmail({ ctx, input }: { ctx: Ctx; input: { factId: string; to: string; requestedAt: string } }): Promise<SendEmailResult> {
  return sendEmail(ctx.db, {
    dedupeKey: `${input.factId}:send-demo-email`,
    to: input.to,
    message: { template: "jobs-demo", props: { to: input.to, requestedAt: input.requestedAt } },
  });
}
