import { and, eq, isNotNull } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { Conflict } from "@/lib/domain/errors";
import { recordAudit } from "./audit";
import { bookingItems } from "./schema";
import { findTicketAtDoor, loadEventAtDoor, normalizeTicketCode, ticketNotFound } from "./ticket-at-door";

export const undoCheckInInput = z.object({ eventId: z.string(), ticketCode: z.string().trim().min(1).max(64) });

/**
 * Takes back a mistaken scan (the event's owner or an admin; managers once organizations exist):
 * the ticket admits again. The cleared check-in is kept in the audit trail, written in the
 * same transaction, with who undid it.
 */
export async function undoCheckIn({ ctx, input }: { ctx: Ctx; input: z.input<typeof undoCheckInInput> }): Promise<void> {
  const i = undoCheckInInput.parse(input);
  await loadEventAtDoor(ctx.db, ctx.actor, i.eventId, "checkin:undo");
  const ticket = await findTicketAtDoor(ctx.db, i.eventId, normalizeTicketCode(i.ticketCode));
  if (!ticket) throw ticketNotFound();
  await withTransaction(ctx, async (tx) => {
    // Locks the row and reads what it holds now, so the audit names the check-in actually undone.
    const [held] = await tx
      .select({ checkedInAt: bookingItems.checkedInAt, checkedInBy: bookingItems.checkedInBy })
      .from(bookingItems)
      .where(and(eq(bookingItems.id, ticket.id), isNotNull(bookingItems.checkedInAt)))
      .for("update");
    if (!held) throw new Conflict("NOT_CHECKED_IN", "This ticket is not checked in.");
    await tx.update(bookingItems).set({ checkedInAt: null, checkedInBy: null }).where(eq(bookingItems.id, ticket.id));
    await recordAudit(tx, ctx, [
      {
        eventId: i.eventId,
        bookingId: ticket.orderId,
        action: "checkin.undone",
        before: { ticketCode: ticket.ticketCode, checkedInAt: held.checkedInAt!.toISOString(), checkedInBy: held.checkedInBy },
        after: { ticketCode: ticket.ticketCode, checkedInAt: null },
      },
    ]);
  });
  ctx.log.info({ eventId: i.eventId, ticketId: ticket.id }, "checkin.undone");
}
