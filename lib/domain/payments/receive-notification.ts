import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import type { PaymentEvent } from "./payment-provider";
import { paymentProvider } from "./payment-providers";
import { requireSystem } from "./require-system";
import { notifications } from "./schema";

export const receiveNotificationInput = z.object({
  provider: z.string().min(1),
  rawBody: z.string(),
  headers: z.record(z.string(), z.string()),
});

/**
 * Verifies a provider notification (a wrong signature changes nothing: 401/400) and records it
 * once per (provider, notification id). Run it in the transaction that applies the
 * notification: a concurrent redelivery waits on the unique key until that commits and then
 * comes back `duplicate`, so a notification is applied exactly once however often it arrives.
 */
export async function receiveNotification({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof receiveNotificationInput>;
}): Promise<{ event: PaymentEvent; duplicate: boolean }> {
  requireSystem(ctx);
  const { provider, rawBody, headers } = receiveNotificationInput.parse(input);
  const event = paymentProvider(provider).verifyNotification(rawBody, new Headers(headers));
  const inserted = await withTransaction(ctx, (tx) =>
    tx
      .insert(notifications)
      .values({
        provider,
        notificationId: event.id,
        type: event.kind,
        orderId: "orderId" in event ? event.orderId : null,
        payload: JSON.parse(rawBody) as Record<string, unknown>,
      })
      .onConflictDoNothing({ target: [notifications.provider, notifications.notificationId] })
      .returning({ id: notifications.id }),
  );
  const duplicate = inserted.length === 0;
  ctx.log.info({ provider, notificationId: event.id, kind: event.kind, duplicate }, "payment.notification_received");
  return { event, duplicate };
}
