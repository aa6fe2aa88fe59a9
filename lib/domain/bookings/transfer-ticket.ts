import { eq } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import { emailSchema, normalizeEmail } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { Conflict } from "@/lib/domain/errors";
import { emit } from "@/lib/jobs/emit";
import { recordAudit } from "./audit";
import { loadTicketToChange } from "./load-ticket";
import { attendeeName } from "./rename-ticket";
import { bookingItems } from "./schema";
import { newTicketCode } from "./ticket-code";

export const transferTicketInput = z.object({ ticketId: z.string(), email: emailSchema, attendeeName: attendeeName.nullable().default(null) });

/**
 * The buyer hands a ticket to someone else, where the organizer allows it: the ticket gets a new
 * code (the old QR code stops admitting anyone at once) and the new holder's email, and the new
 * holder is mailed the ticket (`ticket.transferred`). Audited without either code, which stay secret.
 */
export async function transferTicket({ ctx, input }: { ctx: Ctx; input: z.input<typeof transferTicketInput> }) {
  const i = transferTicketInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const { ticket, order, event } = await loadTicketToChange(ctx, tx, i.ticketId);
    if (!event.transfersAllowed) throw new Conflict("TRANSFER_NOT_ALLOWED", "The organizer does not allow ticket transfers for this event.");
    const holderEmail = normalizeEmail(i.email);
    const [row] = await tx
      .update(bookingItems)
      .set({ ticketCode: newTicketCode(), holderEmail, attendeeName: i.attendeeName })
      .where(eq(bookingItems.id, ticket.id))
      .returning();
    await recordAudit(tx, ctx, [
      {
        eventId: event.eventId,
        bookingId: order.id,
        action: "ticket.transferred",
        before: { ticketId: ticket.id, holderEmail: ticket.holderEmail, attendeeName: ticket.attendeeName },
        after: { ticketId: ticket.id, holderEmail, attendeeName: i.attendeeName },
      },
    ]);
    await emit(tx, {
      name: "ticket.transferred",
      data: { ticketId: ticket.id, orderId: order.id, eventId: event.eventId, organizerId: event.organizerId, fromUserId: order.userId, holderEmail },
      requestId: ctx.requestId,
    });
    ctx.log.info({ ticketId: ticket.id, orderId: order.id }, "ticket.transferred");
    return { id: row!.id, holderEmail: row!.holderEmail, attendeeName: row!.attendeeName };
  });
}
