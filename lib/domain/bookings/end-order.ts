import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import type { Ctx } from "@/lib/domain/context";
import { insertOutboxEvents, type OutboxEvent } from "@/lib/jobs/outbox";
import { recordAudit } from "./audit";
import { releaseSeats } from "./release-seats";
import type { AuditAction, BookingRow, BookingStatus, CancelledBy } from "./schema";

/** Whose event an order is of: its organizer and organization, as facts name them. */
export type EventOwner = { organizerId: string; organizationId: string | null };

/** Orders whose seats are taken: confirmed ones and unpaid ones still holding theirs. */
export const holdsSeats = (status: BookingStatus) => status === "confirmed" || status === "awaiting_payment";

/**
 * What every ending of an order that held seats does in its transaction (the row already
 * updated): the seats, promo use and per-user count go back, the audit row, and the facts. A
 * confirmed order also emits `booking.cancelled` (analytics and the holder's email count it),
 * and `seats.released` lets the waitlist be served.
 */
export async function endOrder(
  tx: Tx,
  ctx: Ctx,
  ended: { before: BookingRow; after: BookingRow; organizerId: string; action: AuditAction; cancelledBy: CancelledBy; facts: Omit<OutboxEvent, "id" | "requestId">[] },
): Promise<void> {
  const { before, after, organizerId } = ended;
  const held = holdsSeats(before.status);
  if (held) await releaseSeats(tx, after.eventId, [after]);
  await recordAudit(tx, ctx, [
    {
      eventId: after.eventId,
      bookingId: after.id,
      action: ended.action,
      before: { status: before.status, version: before.version },
      after: { status: after.status, version: after.version, ...(after.cancelledBy ? { cancelledBy: after.cancelledBy } : {}) },
    },
  ]);
  const at = ctx.now().toISOString();
  const facts: Omit<OutboxEvent, "id" | "requestId">[] = [...ended.facts];
  if (before.status === "confirmed") {
    facts.push({
      name: "booking.cancelled",
      data: {
        bookingId: after.id,
        eventId: after.eventId,
        userId: after.userId,
        organizerId,
        quantity: after.quantity,
        totalCents: after.totalCents,
        currency: after.currency,
        cancelledBy: ended.cancelledBy,
        cancelledAt: at,
      },
    });
  }
  if (held) facts.push({ name: "seats.released", data: { eventId: after.eventId, quantity: after.quantity } });
  await insertOutboxEvents(tx, facts.map((f) => ({ ...f, id: randomUUID(), requestId: ctx.requestId })));
}

/** The fields every order fact carries; `owner` is the event's organizer and organization (eventResource). */
export function orderFactOf(row: BookingRow, owner: EventOwner) {
  return { orderId: row.id, eventId: row.eventId, userId: row.userId, organizerId: owner.organizerId, organizationId: owner.organizationId, quantity: row.quantity, totalCents: row.totalCents, currency: row.currency };
}
