import { z } from "zod";
import { getOrdersByIds } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { sendEmail } from "@/lib/mail/send-email";
import { orderLink } from "./links";
import { orderMoney } from "./order-money";
import { skipped, type Notified } from "./outcome";
import { recipientOf } from "./recipient";

/** From the `order.confirmed` fact. */
export const orderConfirmedEmailInput = z.object({ orderId: z.uuid(), userId: z.uuid(), eventId: z.uuid() });

/**
 * The one confirmation of an order, free or paid, listing every ticket with its type and code.
 * It replaces the booking confirmation: a free booking is an order too, so it is mailed once.
 */
export async function sendOrderConfirmedEmail({ ctx, input }: { ctx: Ctx; input: z.input<typeof orderConfirmedEmailInput> }): Promise<Notified> {
  const { orderId, userId, eventId } = orderConfirmedEmailInput.parse(input);
  const [[order], who] = await Promise.all([getOrdersByIds({ ctx, input: { ids: [orderId] } }), recipientOf(ctx, { userId, eventId })]);
  if (!order || !who) return skipped("order, user or event missing");
  if (order.status !== "confirmed") return skipped(`order is ${order.status}`);
  const nameOf = new Map(order.items.map((line) => [line.ticketTypeId, line.name]));
  return sendEmail(ctx.db, {
    dedupeKey: `order-confirmed:${order.id}`,
    to: who.user.email,
    message: {
      template: "order-confirmed",
      props: {
        recipientName: who.user.name,
        orderId: order.id,
        event: who.event,
        ...orderMoney(order),
        tickets: order.tickets.map((t) => ({ typeName: nameOf.get(t.ticketTypeId) ?? "Ticket", code: t.ticketCode })),
        orderUrl: orderLink(order.id),
        fromWaitlist: order.source === "waitlist",
        // A confirmed order makes its recipient a ticket holder, who may have the join link.
        onlineUrl: who.onlineUrl,
      },
    },
  });
}
