import { eq } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { Conflict } from "@/lib/domain/errors";
import { recordAudit } from "./audit";
import { loadTicketToChange } from "./load-ticket";
import { bookingItems } from "./schema";

export const attendeeName = z.string().trim().min(1, "must not be empty").max(120, "must be at most 120 characters");

export const renameTicketInput = z.object({ ticketId: z.string(), attendeeName: attendeeName.nullable() });

/**
 * The buyer names who will use a ticket (null clears it), until the event's name-change
 * deadline (or its start when it has none). Audited with the old and new name.
 */
export async function renameTicket({ ctx, input }: { ctx: Ctx; input: z.input<typeof renameTicketInput> }) {
  const i = renameTicketInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const { ticket, event } = await loadTicketToChange(ctx, tx, i.ticketId);
    if (event.nameChangeDeadline && event.nameChangeDeadline <= ctx.now()) {
      throw new Conflict("NAME_CHANGE_CLOSED", "Attendee names can no longer be changed for this event.");
    }
    const [row] = await tx.update(bookingItems).set({ attendeeName: i.attendeeName }).where(eq(bookingItems.id, ticket.id)).returning();
    await recordAudit(tx, ctx, [
      { eventId: event.eventId, bookingId: ticket.bookingId, action: "ticket.renamed", before: { ticketId: ticket.id, attendeeName: ticket.attendeeName }, after: { ticketId: ticket.id, attendeeName: i.attendeeName } },
    ]);
    return { id: row!.id, attendeeName: row!.attendeeName };
  });
}
