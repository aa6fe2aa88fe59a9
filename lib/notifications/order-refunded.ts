import { z } from "zod";
import { getOrdersByIds } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { getRefund, listOrderRefunds } from "@/lib/domain/payments";
import { sendEmail } from "@/lib/mail/send-email";
import { orderLink } from "./links";
import { skipped, type Notified } from "./outcome";
import { recipientOf } from "./recipient";

/** From the `payment.refunded` fact. */
export const orderRefundedEmailInput = z.object({ refundId: z.uuid(), orderId: z.uuid() });

/** Where each provider sends money back, and when it arrives, in the buyer's words. */
const DESTINATION: Record<string, { to: string; arrival: string }> = {
  test: { to: "the test card you paid with", arrival: "This is a test payment: no real money moved." },
  stripe: { to: "the card you paid with", arrival: "It usually shows up on your statement within 5 to 10 business days." },
};

/** "We refunded €12.00 to the card you paid with", once per refund, with why and what became of the tickets. */
export async function sendOrderRefundedEmail({ ctx, input }: { ctx: Ctx; input: z.input<typeof orderRefundedEmailInput> }): Promise<Notified> {
  const { refundId, orderId } = orderRefundedEmailInput.parse(input);
  const [found, [order], refunds] = await Promise.all([
    getRefund({ ctx, input: { refundId } }),
    getOrdersByIds({ ctx, input: { ids: [orderId] } }),
    listOrderRefunds({ ctx, input: { orderId } }),
  ]);
  if (!found || !order) return skipped("refund or order missing");
  const who = await recipientOf(ctx, { userId: order.userId, eventId: order.eventId });
  if (!who) return skipped("user or event missing");
  const { refund, payment } = found;
  const destination = DESTINATION[refund.provider] ?? { to: "the payment method you used", arrival: "" };
  // Refunds made before this one, plus this one: what the buyer has back by the time they read it.
  const refundedCents = refunds
    .filter((r) => r.paymentId === payment.id && r.status === "succeeded" && r.succeededAt !== null && r.succeededAt <= refund.succeededAt!)
    .reduce((n, r) => n + r.amountCents, 0);
  return sendEmail(ctx.db, {
    dedupeKey: `order-refunded:${refund.id}`,
    to: who.user.email,
    message: {
      template: "order-refunded",
      props: {
        recipientName: who.user.name,
        orderId: order.id,
        event: who.event,
        quantity: order.quantity,
        amountCents: refund.amountCents,
        currency: refund.currency,
        paidCents: payment.amountCents,
        refundedCents,
        destination: destination.to,
        reason: refund.reason,
        ticketsCancelled: refund.returnsOrder,
        arrival: destination.arrival,
        orderUrl: orderLink(order.id),
      },
    },
  });
}
