import type { Tx } from "@/lib/db/client";
import { upsertEventInventory, type NewTicketType } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import type { EventRecord } from "./event-record";

/**
 * Mirrors the bookable facts into the bookings domain's seat counter in the same transaction,
 * so a capacity below what is sold (CAPACITY_BELOW_SOLD) rolls the whole change back. A new
 * event's ticket types go with its first sync; without them it sells General admission.
 */
export async function syncInventory(ctx: Ctx, tx: Tx, record: EventRecord, ticketTypes?: NewTicketType[]): Promise<void> {
  await upsertEventInventory({
    ctx: { ...ctx, db: tx },
    input: {
      eventId: record.id,
      organizerId: record.organizerId,
      organizationId: record.organizationId ?? null,
      capacity: record.capacity,
      priceCents: record.priceCents,
      currency: record.currency,
      perUserLimit: record.perUserLimit,
      holdMinutes: record.holdMinutes,
      ticketTypes,
      status: record.status,
      startsAt: record.startsAt,
      endsAt: record.endsAt,
      nameChangeDeadline: record.nameChangeDeadline,
      transfersAllowed: record.transfersAllowed,
    },
  });
}
