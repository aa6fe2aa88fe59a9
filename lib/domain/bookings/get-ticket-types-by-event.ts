import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { isUuid } from "@/lib/domain/ids";
import { readSellingTicketTypes } from "./read-ticket-types";
import type { TicketTypeView } from "./ticket-type-view";

export const getTicketTypesByEventInput = z.object({ eventIds: z.array(z.string()).max(1000) });

/**
 * The types still sold per event, hidden ones included, for the event JSON: the events domain
 * knows who may see hidden types and filters. Events without types are absent from the map.
 */
export async function getTicketTypesByEvent({ ctx, input }: { ctx: Ctx; input: z.input<typeof getTicketTypesByEventInput> }) {
  const ids = [...new Set(getTicketTypesByEventInput.parse(input).eventIds.filter(isUuid))];
  const byEvent = new Map<string, TicketTypeView[]>();
  if (ids.length === 0) return byEvent;
  for (const type of await readSellingTicketTypes(ctx.db, ids, ctx.now())) {
    const list = byEvent.get(type.eventId) ?? [];
    list.push(type);
    byEvent.set(type.eventId, list);
  }
  return byEvent;
}
