import { and, arrayContains, eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { authorize, can } from "@/lib/domain/auth";
import type { Actor, UserActor } from "@/lib/domain/context";
import { Forbidden, NotFound, Unauthenticated } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { endpoints, type EndpointRow } from "./schema";

/**
 * Who manages an endpoint and which facts it hears about, in one place. An endpoint belongs to
 * an organization: the members whose role may `webhook:manage` (policy.ts) see and change it,
 * and it hears about that organization's events. An admin's endpoint belongs to none and hears
 * about every event; one whose creator had no organization when endpoints moved into
 * organizations stays its creator's and hears about the events they organize outside any.
 */
export const endpointNotFound = () => new NotFound("WEBHOOK_NOT_FOUND", "This webhook does not exist.");

function userOf(actor: Actor): UserActor {
  if (actor.type !== "user") throw new Unauthenticated();
  return actor;
}

/** Where a new endpoint goes and what it hears about. */
export type Placement = { ownerId: string; organizationId: string | null; allEvents: boolean };

/**
 * The organization asked for, when the caller may manage its webhooks; else the first of the
 * caller's organizations that lets them. An admin who names none gets an endpoint that hears
 * about every event.
 */
export function placementOf(actor: Actor, requested: string | undefined): Placement {
  const user = userOf(actor);
  if (requested) {
    authorize(user, "webhook:manage", { organizationId: requested });
    return { ownerId: user.userId, organizationId: requested, allEvents: false };
  }
  if (user.role === "admin") return { ownerId: user.userId, organizationId: null, allEvents: true };
  const organizationId = user.memberships?.find((m) => can(user, "webhook:manage", { organizationId: m.organizationId }))?.organizationId;
  if (!organizationId) throw new Forbidden("FORBIDDEN", "Only an organization's owners and managers can add webhooks.");
  return { ownerId: user.userId, organizationId, allEvents: false };
}

/** The endpoints a caller may see and manage: their organizations' (where their role allows) and their own outside any. */
export function manageableBy(actor: Actor): SQL {
  const user = userOf(actor);
  const organizationIds = (user.memberships ?? []).filter((m) => can(user, "webhook:manage", { organizationId: m.organizationId })).map((m) => m.organizationId);
  const own = and(isNull(endpoints.organizationId), eq(endpoints.ownerId, user.userId))!;
  return organizationIds.length > 0 ? or(inArray(endpoints.organizationId, organizationIds), own)! : own;
}

/** The endpoint if the caller may manage it; 404 otherwise (an endpoint they may not manage is not revealed). */
export async function loadEndpointToManage(db: DbOrTx, actor: Actor, id: string): Promise<EndpointRow> {
  const visible = manageableBy(actor);
  if (!isUuid(id)) throw endpointNotFound();
  const [row] = await db.select().from(endpoints).where(and(eq(endpoints.id, id), visible));
  if (!row) throw endpointNotFound();
  return row;
}

/** Whose event a fact is about: its organization (null: outside any) and its organizer. */
export type FactOwner = { organizationId: string | null; organizerId: string };

/** Enabled endpoints subscribed to `type` that hear about a fact of an event `owner` names. */
export function subscribedTo(type: string, owner: FactOwner): SQL {
  const hears = owner.organizationId
    ? eq(endpoints.organizationId, owner.organizationId)
    : and(isNull(endpoints.organizationId), eq(endpoints.ownerId, owner.organizerId));
  return and(eq(endpoints.enabled, true), arrayContains(endpoints.eventTypes, [type]), or(hears, eq(endpoints.allEvents, true)))!;
}
