import { and, arrayContains, eq, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/context";
import { NotFound, Unauthenticated } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { endpoints, type EndpointRow } from "./schema";

/**
 * Who owns an endpoint and which facts it hears about, in one place, so organizations can
 * replace it: today an endpoint belongs to the user who created it (organizers and admins), and
 * hears about the events that user organizes, or every event when an admin created it.
 */
export const endpointNotFound = () => new NotFound("WEBHOOK_NOT_FOUND", "This webhook does not exist.");

/** The caller's user id, or 401: endpoints are personal, so there is nothing to show anyone else. */
export function endpointOwnerId(actor: Actor): string {
  if (actor.type !== "user") throw new Unauthenticated();
  return actor.userId;
}

/** What a new endpoint records about its owner (admins hear about every event). */
export function ownershipOf(actor: Actor): { ownerId: string; allEvents: boolean } {
  const ownerId = endpointOwnerId(actor);
  return { ownerId, allEvents: actor.type === "user" && actor.role === "admin" };
}

/** The endpoints a caller may see: their own. */
export function ownedBy(actor: Actor): SQL {
  return eq(endpoints.ownerId, endpointOwnerId(actor));
}

/** The endpoint if the caller owns it; 404 otherwise (someone else's endpoint is not revealed). */
export async function loadEndpointToManage(db: DbOrTx, actor: Actor, id: string): Promise<EndpointRow> {
  const ownerId = endpointOwnerId(actor);
  if (!isUuid(id)) throw endpointNotFound();
  const [row] = await db.select().from(endpoints).where(and(eq(endpoints.id, id), eq(endpoints.ownerId, ownerId)));
  if (!row) throw endpointNotFound();
  return row;
}

/** Enabled endpoints subscribed to `type` that may hear about a fact of an event `organizerId` organizes. */
export function subscribedTo(type: string, organizerId: string): SQL {
  return and(
    eq(endpoints.enabled, true),
    arrayContains(endpoints.eventTypes, [type]),
    or(eq(endpoints.ownerId, organizerId), eq(endpoints.allEvents, true)),
  )!;
}
