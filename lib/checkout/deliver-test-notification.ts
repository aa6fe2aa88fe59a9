import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { signTestNotification, testNotificationBody } from "@/lib/domain/payments";
import { handlePaymentNotification, type NotificationOutcome } from "./handle-payment-notification";

export const deliverTestNotificationInput = z.object({ body: testNotificationBody });

/**
 * The test provider's delivery of one notification: signed now (a real provider re-signs each
 * attempt, so a retry hours later still passes the timestamp check) and handed to the same
 * handler `POST /api/webhooks/test-payments` calls.
 */
export async function deliverTestNotification({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof deliverTestNotificationInput>;
}): Promise<{ outcome: NotificationOutcome; orderId: string | null }> {
  const { body } = deliverTestNotificationInput.parse(input);
  const signed = signTestNotification(body, ctx.now());
  return handlePaymentNotification({ ctx, input: { provider: "test", ...signed } });
}
