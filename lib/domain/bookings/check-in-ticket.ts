import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import { getUsersByIds } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { Conflict } from "@/lib/domain/errors";
import { insertOutboxEvents } from "@/lib/jobs/outbox";
import { actorIdOf } from "./audit";
import { bookingItems, bookings } from "./schema";
import { admits, findTicketAtDoor, loadEventAtDoor, normalizeTicketCode, ticketNotFound, type TicketAtDoor } from "./ticket-at-door";

export const checkInTicketBody = z.object({
  ticketCode: z.string().trim().min(1).max(64),
  /** When the ticket was scanned, for a scan queued while the scanner was offline and synced now. */
  scannedAt: z.iso.datetime({ offset: true }).optional(),
});
export const checkInTicketInput = checkInTicketBody.extend({ eventId: z.string() });

export type CheckInView = {
  ticket: { id: string; ticketCode: string; ticketTypeId: string; checkedInAt: string };
  order: { id: string; status: string; holderName: string };
  ticketType: { id: string; name: string };
  checkedInAt: string;
};

/**
 * Lets a ticket in at the event's door (owner, admin; check-in staff once organizations exist).
 * The decision is one conditional UPDATE: it sets `checked_in_at` only while it is null and the
 * order still admits, so of any number of doors scanning one code at once exactly one wins; the
 * others find the row taken when their update re-reads it and are told when and by whom.
 * The `checkin.created` fact is written in the winner's transaction.
 */
export async function checkInTicket({ ctx, input }: { ctx: Ctx; input: z.input<typeof checkInTicketInput> }): Promise<CheckInView> {
  const i = checkInTicketInput.parse(input);
  const { organizerId, organizationId } = await loadEventAtDoor(ctx.db, ctx.actor, i.eventId, "checkin:scan");
  const code = normalizeTicketCode(i.ticketCode);
  const ticket = await findTicketAtDoor(ctx.db, i.eventId, code);
  if (!ticket) throw ticketNotFound();
  if (ticket.orderStatus !== "confirmed") throw notValid(ticket);
  if (ticket.checkedInAt) throw await alreadyCheckedIn(ctx, ticket);

  const now = ctx.now();
  // A scan queued offline counts from when it happened, never from the future.
  const at = i.scannedAt && new Date(i.scannedAt) < now ? new Date(i.scannedAt) : now;
  const by = actorIdOf(ctx.actor);
  const won = await withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .update(bookingItems)
      .set({ checkedInAt: at, checkedInBy: by })
      .where(
        and(
          eq(bookingItems.id, ticket.id),
          isNull(bookingItems.checkedInAt),
          sql`exists (select 1 from ${bookings} where ${bookings.id} = ${bookingItems.bookingId} and ${admits})`,
        ),
      )
      .returning({ id: bookingItems.id });
    if (!row) return false;
    const fact = { ticketId: ticket.id, ticketCode: ticket.ticketCode, ticketTypeId: ticket.ticketTypeId, orderId: ticket.orderId, eventId: i.eventId, organizerId, organizationId, checkedInAt: at.toISOString(), checkedInBy: by };
    await insertOutboxEvents(tx, [{ id: randomUUID(), name: "checkin.created", data: fact, requestId: ctx.requestId }]);
    return true;
  });
  if (!won) {
    // Lost a race (another door, or a refund that landed in between): say what the row says now.
    const current = await findTicketAtDoor(ctx.db, i.eventId, code);
    if (!current) throw ticketNotFound();
    throw current.orderStatus === "confirmed" ? await alreadyCheckedIn(ctx, current) : notValid(current);
  }
  ctx.log.info({ eventId: i.eventId, ticketId: ticket.id, checkedInAt: at.toISOString() }, "checkin.created");
  const [holder] = await getUsersByIds({ ctx, input: { ids: [ticket.userId] } });
  return {
    ticket: { id: ticket.id, ticketCode: ticket.ticketCode, ticketTypeId: ticket.ticketTypeId, checkedInAt: at.toISOString() },
    order: { id: ticket.orderId, status: ticket.orderStatus, holderName: holder?.name || holder?.email || "" },
    ticketType: { id: ticket.ticketTypeId, name: ticket.ticketTypeName },
    checkedInAt: at.toISOString(),
  };
}

const NOT_VALID_WHY: Record<string, string> = {
  awaiting_payment: "its order is not paid",
  expired: "its order expired unpaid",
  cancelled: "its order was cancelled",
  refunded: "its order was refunded",
};

function notValid(ticket: TicketAtDoor): Conflict {
  return new Conflict("TICKET_NOT_VALID", `This ticket does not admit: ${NOT_VALID_WHY[ticket.orderStatus] ?? "its order is not confirmed"}.`, {
    orderStatus: ticket.orderStatus,
    ticketType: ticket.ticketTypeName,
  });
}

async function alreadyCheckedIn(ctx: Ctx, ticket: TicketAtDoor): Promise<Conflict> {
  const [by] = ticket.checkedInBy ? await getUsersByIds({ ctx, input: { ids: [ticket.checkedInBy] } }) : [];
  const byName = by ? by.name || by.email : null;
  const at = ticket.checkedInAt!.toISOString();
  return new Conflict("ALREADY_CHECKED_IN", `This ticket was already checked in at ${at}${byName ? ` by ${byName}` : ""}.`, {
    checkedInAt: at,
    checkedInBy: byName,
    ticketType: ticket.ticketTypeName,
  });
}
