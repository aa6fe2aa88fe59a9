import { z } from "zod";
import { getOrdersByIds } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { sendEmail } from "@/lib/mail/send-email";
import { eventLink } from "./links";
import { skipped, type Notified } from "./outcome";
import { recipientOf } from "./recipient";

/** From the `ticket.transferred` fact. */
export const ticketTransferredEmailInput = z.object({ ticketId: z.uuid(), orderId: z.uuid(), eventId: z.uuid(), fromUserId: z.uuid(), holderEmail: z.string() });

/**
 * Mails the new holder of a transferred ticket its (new) code. The code is read now, not carried
 * by the fact: a ticket transferred again meanwhile goes to its latest holder only, and the
 * outbox never holds a code.
 */
export async function sendTicketTransferredEmail({ ctx, input }: { ctx: Ctx; input: z.input<typeof ticketTransferredEmailInput> }): Promise<Notified> {
  const i = ticketTransferredEmailInput.parse(input);
  const [[order], from] = await Promise.all([getOrdersByIds({ ctx, input: { ids: [i.orderId] } }), recipientOf(ctx, { userId: i.fromUserId, eventId: i.eventId })]);
  const ticket = order?.tickets.find((t) => t.id === i.ticketId);
  if (!order || !ticket || !from) return skipped("order, ticket, buyer or event missing");
  if (order.status !== "confirmed" || ticket.holderEmail !== i.holderEmail) return skipped("ticket no longer this holder's");
  return sendEmail(ctx.db, {
    dedupeKey: `ticket-transferred:${ticket.id}:${ticket.ticketCode}`,
    to: i.holderEmail,
    message: {
      template: "ticket-transferred",
      props: {
        fromName: from.user.name,
        attendeeName: ticket.attendeeName,
        event: from.event,
        ticketType: order.items.find((line) => line.ticketTypeId === ticket.ticketTypeId)?.name ?? "Ticket",
        ticketCode: ticket.ticketCode,
        eventUrl: eventLink(i.eventId),
      },
    },
  });
}
