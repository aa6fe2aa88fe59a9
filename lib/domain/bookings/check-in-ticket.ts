import { randomUUID } from "node:crypto";
import { z } from "zod";
import { authorize, getUsersByIds } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { Conflict } from "@/lib/domain/errors";
import { boundedInstant } from "@/lib/domain/instants";
import { actorIdOf } from "./audit";
import { decideCheckIn } from "./check-in-statement";
import { eventNotFound } from "./event-to-manage";
import { forgetOwnership, ownershipToScan, rememberOwnership, sameOwnership } from "./event-ownership";
import { normalizeTicketCode, ticketNotFound, type TicketAtDoor } from "./ticket-at-door";

export const checkInTicketBody = z.object({
  ticketCode: z.string().trim().min(1).max(64),
  /** When the ticket was scanned, for a scan queued while the scanner was offline and synced now. */
  scannedAt: boundedInstant().optional(),
});
export const checkInTicketInput = checkInTicketBody.extend({ eventId: z.string() });

export type CheckInView = {
  ticket: { id: string; ticketCode: string; ticketTypeId: string; checkedInAt: string };
  order: { id: string; status: string; holderName: string };
  ticketType: { id: string; name: string };
  checkedInAt: string;
};

/**
 * Lets a ticket in at the event's door (its organization's check-in staff, managers and owners,
 * its organizer outside any organization, admins). The access check needs no query once this
 * process knows whose the event is (event-ownership.ts); the scan itself is one statement
 * (check-in-statement.ts) that finds the ticket, lets it in only while it is not in and its
 * order confirmed, and writes the `checkin.created` fact in the same commit. Of any number of
 * doors scanning one code at once exactly one wins; the others are told when and by whom.
 */
export async function checkInTicket({ ctx, input }: { ctx: Ctx; input: z.input<typeof checkInTicketInput> }): Promise<CheckInView> {
  const i = checkInTicketInput.parse(input);
  const now = ctx.now();
  // A scan queued offline counts from when it happened, never from the future.
  const at = i.scannedAt && new Date(i.scannedAt) < now ? new Date(i.scannedAt) : now;
  const scan = { eventId: i.eventId, ticketCode: normalizeTicketCode(i.ticketCode), at, by: actorIdOf(ctx.actor), factId: randomUUID(), requestId: ctx.requestId };
  let ownership = await ownershipToScan(ctx.db, ctx.actor, i.eventId);
  // Each round decides on what is committed when it starts; another round follows only when a
  // concurrent commit changed what the last one relied on, so the loop ends once they stop.
  for (;;) {
    const decision = await decideCheckIn(ctx.db, { ...scan, ownership });
    if (!decision) {
      forgetOwnership(i.eventId);
      throw eventNotFound();
    }
    if (!sameOwnership(decision.ownership, ownership)) {
      // The event changed hands since this process last saw it, and nothing was written: judge
      // the actor by the owner it has now.
      rememberOwnership(i.eventId, decision.ownership);
      authorize(ctx.actor, "checkin:scan", decision.ownership);
      ownership = decision.ownership;
      continue;
    }
    const { ticket } = decision;
    if (!ticket) throw ticketNotFound();
    if (decision.admitted) return admittedView(ctx, i.eventId, ticket, at);
    if (ticket.orderStatus !== "confirmed") throw notValid(ticket);
    if (ticket.checkedInAt) throw await alreadyCheckedIn(ctx, ticket);
    // Free when the statement began, taken when it tried to let it in: another door committed
    // in between (or an undo, or a transfer that changed the code). The next round sees it.
  }
}

async function admittedView(ctx: Ctx, eventId: string, ticket: TicketAtDoor, at: Date): Promise<CheckInView> {
  ctx.log.info({ eventId, ticketId: ticket.id, checkedInAt: at.toISOString() }, "checkin.created");
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
