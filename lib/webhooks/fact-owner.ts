import type { Ctx } from "@/lib/domain/context";
import { getEventsByIds } from "@/lib/domain/events";
import type { FactOwnerFields } from "./webhook-facts";

/**
 * Whose endpoints hear of a fact: the organization it names (null: an event outside any). A
 * fact written before facts carried `organizationId` (still in the outbox when that shipped)
 * takes its event's organization now, which is where the organizations migration put every
 * event; when the event itself is gone there is nobody to tell, and null says skip.
 */
export async function factOwner(ctx: Ctx, data: FactOwnerFields): Promise<{ organizationId: string | null; organizerId: string } | null> {
  if (data.organizationId !== undefined) return { organizationId: data.organizationId, organizerId: data.organizerId };
  const [event] = await getEventsByIds({ ctx, input: { ids: [data.eventId] } });
  if (!event) return null;
  return { organizationId: event.organizationId ?? null, organizerId: data.organizerId };
}
