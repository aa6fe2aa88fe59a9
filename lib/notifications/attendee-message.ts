import { z } from "zod";
import { getAttendeeMessage } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { getEventSchedules } from "@/lib/domain/events";
import { eventLink } from "./links";
import { mailOrderHolders } from "./order-holders";

export const attendeeMessageBatchInput = z.object({ messageId: z.uuid(), afterOrderId: z.uuid().nullable(), batchSize: z.number().int().min(1).max(500) });

/**
 * Mails one batch of an organizer's message to the holders it addresses (every confirmed order,
 * or those holding its ticket type). Each mail's dedupe key names the message and recipient, so a
 * retried batch sends nothing twice.
 */
export async function sendAttendeeMessageBatch({ ctx, input }: { ctx: Ctx; input: z.input<typeof attendeeMessageBatchInput> }): Promise<{ sent: number; lastOrderId: string | null }> {
  const i = attendeeMessageBatchInput.parse(input);
  const message = await getAttendeeMessage({ ctx, input: { messageId: i.messageId } });
  const [event] = message ? await getEventSchedules({ ctx, input: { ids: [message.eventId] } }) : [];
  if (!message || !event) return { sent: 0, lastOrderId: null };
  const page = { eventId: message.eventId, ticketTypeId: message.ticketTypeId, afterOrderId: i.afterOrderId, batchSize: i.batchSize };
  return mailOrderHolders(ctx, page, (to) => ({
    dedupeKey: `attendee-message:${message.id}:${to.orderId}:${to.email}`,
    message: { template: "attendee-message", props: { eventTitle: event.title, subject: message.subject, body: message.body, eventUrl: eventLink(event.id) } },
  }));
}
