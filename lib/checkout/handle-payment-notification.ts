import { z } from "zod";
import { confirmOrderPayment, markOrderRefunded, recordPaymentFailure, type RefundDueReason } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { withTransaction } from "@/lib/db/transaction";
import { NotFound } from "@/lib/domain/errors";
import { receiveNotification, recordOrderConfirmed, recordPaymentOutcome, recordProviderRefund, requestRefund, type PaymentEvent } from "@/lib/domain/payments";
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
  | "second_payment_refunded"
  | "checkout_expired"
  | "refund_recorded"
  | "unknown_order";

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
    if (duplicate) return { outcome: "duplicate" as const, orderId: event.orderId };
    // The order's own hold, never later than the checkout, ends it; a payment reported after this is a late payment.
    if (event.kind === "checkout_expired") return { outcome: "checkout_expired" as const, orderId: event.orderId };
    if (event.kind === "payment_refunded") return applyProviderRefund(sys, provider, event);
    const { orderId, paymentRef, amountCents, currency } = event;
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
    if (confirmation.outcome === "confirmed") await recordOrderConfirmed({ ctx: sys, input: { provider, paymentRef } });
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
  }).catch((error: unknown) => {
    // An order this database does not have (a Stripe account shared with another deployment):
    // nothing is recorded, and the 200 keeps the provider from redelivering it for days.
    if (error instanceof NotFound && error.code === "NOT_FOUND") return { outcome: "unknown_order" as const, orderId: null };
    throw error;
  });
  ctx.log.info({ provider, ...result }, "payment.notification_applied");
  return result;
}

/**
 * Money of a payment went back at the provider. Refunds Evently made are already on the books;
 * one made at the provider directly is recorded, and when it returns the order's only payment
 * in full the order is refunded (its seats go back, its tickets stop being valid). A refund of
 * a payment Evently never recorded (another integration's on a shared account) is ignored.
 */
async function applyProviderRefund(
  ctx: Ctx,
  provider: string,
  event: Extract<PaymentEvent, { kind: "payment_refunded" }>,
): Promise<{ outcome: NotificationOutcome; orderId: string | null }> {
  const recorded = await recordProviderRefund({ ctx, input: { provider, paymentRef: event.paymentRef, refundedCents: event.refundedCents, at: event.occurredAt } });
  if (recorded.outcome === "unknown_payment") return { outcome: "ignored", orderId: null };
  if (recorded.outcome === "already_recorded") return { outcome: "already_recorded", orderId: recorded.orderId };
  if (recorded.paymentRefunded && recorded.otherSucceeded === 0) {
    await markOrderRefunded({ ctx, input: { orderId: recorded.orderId, amountCents: event.refundedCents, reason: "Refunded at the payment provider.", cancelledBy: "admin" } });
  }
  return { outcome: "refund_recorded", orderId: recorded.orderId };
}
