import { z } from "zod";
import { getOrdersByIds } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { sendEmail } from "@/lib/mail/send-email";
import { eventLink } from "./links";
import { skipped, type Notified } from "./outcome";
import { recipientOf } from "./recipient";

/** From the `order.expired` fact. */
export const orderExpiredEmailInput = z.object({ orderId: z.uuid(), userId: z.uuid(), eventId: z.uuid() });

/** "Your hold expired", once per order: nothing charged, seats released (or passed down the waitlist). */
export async function sendOrderExpiredEmail({ ctx, input }: { ctx: Ctx; input: z.input<typeof orderExpiredEmailInput> }): Promise<Notified> {
  const { orderId, userId, eventId } = orderExpiredEmailInput.parse(input);
  const [[order], who] = await Promise.all([getOrdersByIds({ ctx, input: { ids: [orderId] } }), recipientOf(ctx, { userId, eventId })]);
  if (!order || !who) return skipped("order, user or event missing");
  // A late payment that re-took the seats confirmed the order: it gets the confirmation instead.
  if (order.status !== "expired") return skipped(`order is ${order.status}`);
  return sendEmail(ctx.db, {
    dedupeKey: `order-expired:${order.id}`,
    to: who.user.email,
    message: {
      template: "order-expired",
      props: { recipientName: who.user.name, orderId: order.id, event: who.event, quantity: order.quantity, eventUrl: eventLink(order.eventId), offer: order.source === "waitlist" },
    },
  });
}
