import { z } from "zod";
import { confirmOrderPayment, recordPaymentFailure, type RefundDueReason } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { withTransaction } from "@/lib/db/transaction";
import { receiveNotification, recordPaymentOutcome, requestRefund } from "@/lib/domain/payments";
import { asSystem } from "./system-ctx";

export const handlePaymentNotificationInput = z.object({
  provider: z.string().min(1),
  rawBody: z.string(),
  headers: z.record(z.string(), z.string()),
});

export type NotificationOutcome =
  | "duplicate"
  | "ignored"
  | "already_recorded"
  | "failed"
  | "confirmed"
  | "already_confirmed"
  | "refund_due"
  | "second_payment_refunded";

/** What the buyer's refund email says happened, for each reason a payment could not confirm its order. */
const LATE_PAYMENT_REASONS: Record<RefundDueReason, string> = {
  seats_taken: "Your payment arrived after your hold on the seats had ended, and by then the seats had been sold to someone else, so the order could not be confirmed.",
  sales_closed: "Your payment arrived after your hold on the seats had ended, and by then ticket sales for the event had closed, so the order could not be confirmed.",
  event_cancelled: "Your payment arrived after the event was cancelled, so the order could not be confirmed.",
  order_refunded: "Your payment arrived for an order that had already been cancelled and refunded.",
  amount_mismatch: "The amount paid did not match the order's total, so the payment could not confirm the order.",
};

/**
 * Applies one provider notification, whoever delivers it (the webhook route, or the job that
 * plays the test provider's deliveries): verify the signature, record it once, record the
 * payment attempt, then tell bookings. All of it commits together, so a notification repeated
 * or raced is applied exactly once, and attempts only ever leave `pending`, so notifications in
 * any order end in the same state. Money that must go back (a payment after the seats were
 * gone, a wrong amount, a second payment) is requested in the same commit and refunded by a job.
 */
export async function handlePaymentNotification({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof handlePaymentNotificationInput>;
}): Promise<{ outcome: NotificationOutcome; orderId: string | null }> {
  const { provider, rawBody, headers } = handlePaymentNotificationInput.parse(input);
  const result = await withTransaction(asSystem(ctx), async (tx) => {
    const sys: Ctx = { ...asSystem(ctx), db: tx };
    const { event, duplicate } = await receiveNotification({ ctx: sys, input: { provider, rawBody, headers } });
    if (event.kind === "ignored") return { outcome: "ignored" as const, orderId: null };
    const { orderId, paymentRef, amountCents, currency } = event;
    if (duplicate) return { outcome: "duplicate" as const, orderId };
    const status = event.kind === "payment_succeeded" ? "succeeded" : "failed";
    const reason = event.kind === "payment_failed" ? event.reason : null;
    const recorded = await recordPaymentOutcome({
      ctx: sys,
      input: { orderId, provider, paymentRef, amountCents, currency, status, failureReason: reason, at: event.occurredAt },
    });
    if (!recorded.changed) return { outcome: "already_recorded" as const, orderId };
    if (event.kind === "payment_failed") {
      await recordPaymentFailure({ ctx: sys, input: { orderId, provider, reason: event.reason } });
      return { outcome: "failed" as const, orderId };
    }
    if (recorded.otherSucceeded > 0) {
      await requestRefund({
        ctx: sys,
        input: { orderId, paymentRef, reason: "This order was already paid: the second payment is returned.", idempotencyKey: `second-payment:${provider}:${paymentRef}`, returnsOrder: false },
      });
      return { outcome: "second_payment_refunded" as const, orderId };
    }
    const confirmation = await confirmOrderPayment({ ctx: sys, input: { orderId, provider, amountCents, currency, paidAt: event.occurredAt } });
    if (confirmation.outcome === "refund_due") {
      await requestRefund({
        ctx: sys,
        input: {
          orderId,
          paymentRef,
          reason: LATE_PAYMENT_REASONS[confirmation.refundDueReason ?? "seats_taken"],
          idempotencyKey: `refund-due:${provider}:${paymentRef}`,
          returnsOrder: true,
        },
      });
    }
    return { outcome: confirmation.outcome, orderId };
  });
  ctx.log.info({ provider, ...result }, "payment.notification_applied");
  return result;
}
