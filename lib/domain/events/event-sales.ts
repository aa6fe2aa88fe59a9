import { can } from "@/lib/domain/auth";
import { getSeatsAvailable, getTicketTypesByEvent, type TicketTypeView } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { eventResource, toEvent, type Event, type EventRecord, type EventTicketType } from "./event-record";

function toEventTicketType(t: TicketTypeView): EventTicketType {
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    priceCents: t.priceCents,
    capacity: t.capacity,
    seatsAvailable: t.seatsAvailable,
    salesStartAt: t.salesStartAt,
    salesEndAt: t.salesEndAt,
    perOrderMax: t.perOrderMax,
    hidden: t.hidden,
  };
}

/**
 * Events as the faces show them, with what is for sale now (from the bookings domain, never
 * cached): seats and the types still sold. Hidden types are shown to the organizer and admins
 * only; anyone else learns of them through a promo code. A `public` answer (a cached list
 * page) shows what anyone may see, whoever asked first.
 */
export type Audience = "caller" | "public";

export async function withSales(ctx: Ctx, records: EventRecord[], audience: Audience = "caller"): Promise<Event[]> {
  const eventIds = records.map((r) => r.id);
  const [seats, types] = await Promise.all([getSeatsAvailable({ ctx, input: { eventIds } }), getTicketTypesByEvent({ ctx, input: { eventIds } })]);
  const now = ctx.now();
  return records.map((record) => {
    const manager = audience === "caller" && can(ctx.actor, "event:manage", eventResource(record));
    const visible = (types.get(record.id) ?? []).filter((t) => manager || !t.hidden).map(toEventTicketType);
    return toEvent(record, seats.get(record.id), now, visible);
  });
}

export async function withSalesOne(ctx: Ctx, record: EventRecord): Promise<Event> {
  const [event] = await withSales(ctx, [record]);
  return event!;
}
