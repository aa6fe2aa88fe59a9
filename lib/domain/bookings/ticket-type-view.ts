import type { TicketTypeRow } from "./schema";

/** API.md `ticketType`, plus what the organizer's screens need (position, sold, retiredAt). */
export type TicketTypeView = {
  id: string;
  eventId: string;
  name: string;
  description: string;
  priceCents: number;
  capacity: number | null;
  seatsAvailable: number;
  salesStartAt: string | null;
  salesEndAt: string | null;
  perOrderMax: number;
  hidden: boolean;
  position: number;
  sold: number;
  retiredAt: string | null;
};

export function toTicketTypeView(row: TicketTypeRow, seatsAvailable: number): TicketTypeView {
  return {
    id: row.id,
    eventId: row.eventId,
    name: row.name,
    description: row.description,
    priceCents: row.priceCents,
    capacity: row.capacity,
    // A retired type sells nothing more, whatever room is left.
    seatsAvailable: row.retiredAt ? 0 : seatsAvailable,
    salesStartAt: row.salesStartAt?.toISOString() ?? null,
    salesEndAt: row.salesEndAt?.toISOString() ?? null,
    perOrderMax: row.perOrderMax,
    hidden: row.hidden,
    position: row.position,
    sold: row.sold,
    retiredAt: row.retiredAt?.toISOString() ?? null,
  };
}
