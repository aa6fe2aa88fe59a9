import { z } from "zod";
import { getOrdersByIds } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { sendEmail } from "@/lib/mail/send-email";
import { orderLink } from "./links";
import { orderMoney } from "./order-money";
import { skipped, type Notified } from "./outcome";
import { recipientOf } from "./recipient";

/** From the `order.placed` fact (an order waiting for payment). */
export const orderAwaitingPaymentEmailInput = z.object({ orderId: z.uuid(), userId: z.uuid(), eventId: z.uuid() });

/**
 * Sent once per unpaid order: "complete your payment" for a checkout the buyer started, or the
 * waitlist's offer for a paid event. The link opens the order page (summary, countdown, Pay).
 * Nothing is sent once the order was paid, cancelled or lapsed before the job ran.
 */
export async function sendOrderAwaitingPaymentEmail({ ctx, input }: { ctx: Ctx; input: z.input<typeof orderAwaitingPaymentEmailInput> }): Promise<Notified> {
  const { orderId, userId, eventId } = orderAwaitingPaymentEmailInput.parse(input);
  const [[order], who] = await Promise.all([getOrdersByIds({ ctx, input: { ids: [orderId] } }), recipientOf(ctx, { userId, eventId })]);
  if (!order || !who) return skipped("order, user or event missing");
  if (order.status !== "awaiting_payment" || !order.expiresAt || new Date(order.expiresAt) <= ctx.now()) return skipped("no longer awaiting payment");
  return sendEmail(ctx.db, {
    dedupeKey: `order-awaiting-payment:${order.id}`,
    to: who.user.email,
    message: {
      template: "order-awaiting-payment",
      props: {
        recipientName: who.user.name,
        orderId: order.id,
        event: who.event,
        ...orderMoney(order),
        payUrl: orderLink(order.id),
        expiresAt: order.expiresAt,
        offer: order.source === "waitlist",
      },
    },
  });
}
