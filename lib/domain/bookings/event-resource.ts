import { eventInventory, type EventInventory } from "./schema";

/** The columns the policy needs of an event's seat counter: its organization, or its organizer outside any. */
export const resourceColumns = { organizerId: eventInventory.organizerId, organizationId: eventInventory.organizationId };

export function eventResource(inv: Pick<EventInventory, "organizerId" | "organizationId">): { organizerId: string; organizationId: string | null } {
  return { organizerId: inv.organizerId, organizationId: inv.organizationId };
}
