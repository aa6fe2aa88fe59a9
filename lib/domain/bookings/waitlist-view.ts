import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { can } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { NotFound, Unauthenticated } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { eventInventory, waitlistEntries, type BookingStatus, type WaitlistEntryRow, type WaitlistStatus } from "./schema";
import { eventResource, resourceColumns } from "./event-resource";

/** An entry as API.md shows it: `position` is 1-based among waiting entries, null once not waiting. */
export type WaitlistEntryView = {
  id: string;
  eventId: string;
  userId: string;
  quantity: number;
  priority: number;
  position: number | null;
  status: WaitlistStatus;
  bookingId: string | null;
  createdAt: string;
  /**
   * On a paid event a promotion is an offer: an order held for payment until `expiresAt`. It
   * shows whether the offer is still open (`awaiting_payment`), was taken (`confirmed`) or
   * lapsed (`expired`: the seats went to the next in line). Null for free events' bookings.
   */
  offer: WaitlistOffer | null;
};

export type WaitlistOffer = { orderId: string; status: BookingStatus; expiresAt: string };

/** The entry's paid offer, if its promotion made one (outer columns qualified by hand, as in positionOf). */
export const offerOf: SQL<WaitlistOffer | null> = sql<WaitlistOffer | null>`(
  select json_build_object('orderId', b.id, 'status', b.status, 'expiresAt', b.expires_at) from bookings.bookings b
   where b.id = waitlist_entries.booking_id and b.expires_at is not null)`;

/** Serving order: priority descending, then who joined first (id breaks exact ties). */
export const servingOrder = [sql`${waitlistEntries.priority} desc`, waitlistEntries.createdAt, waitlistEntries.id];

/**
 * 1 + the waiting entries of the same event served before this one. The outer columns are
 * qualified by hand: drizzle writes them bare in a one-table select, and bare names inside the
 * subquery would mean the subquery's own rows.
 */
export const positionOf: SQL<number | null> = sql<number | null>`case when waitlist_entries.status = 'waiting' then (
  select count(*)::int + 1 from bookings.waitlist_entries o
   where o.event_id = waitlist_entries.event_id and o.status = 'waiting'
     and (o.priority > waitlist_entries.priority
          or (o.priority = waitlist_entries.priority and (o.created_at, o.id) < (waitlist_entries.created_at, waitlist_entries.id)))
) end`;

export function toEntryView(row: WaitlistEntryRow, position: number | null, offer: WaitlistOffer | null = null): WaitlistEntryView {
  return {
    id: row.id,
    eventId: row.eventId,
    userId: row.userId,
    quantity: row.quantity,
    priority: row.priority,
    position: row.status === "waiting" ? position : null,
    status: row.status,
    bookingId: row.bookingId,
    createdAt: row.createdAt.toISOString(),
    offer: offer && { ...offer, expiresAt: new Date(offer.expiresAt).toISOString() },
  };
}

export async function entryViews(db: DbOrTx, ids: string[]): Promise<WaitlistEntryView[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ row: waitlistEntries, position: positionOf, offer: offerOf }).from(waitlistEntries).where(inArray(waitlistEntries.id, ids));
  const byId = new Map(rows.map((r) => [r.row.id, toEntryView(r.row, r.position, r.offer)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export type OwnedEntry = { entry: WaitlistEntryRow; organizerId: string; organizationId: string | null };

/**
 * Loads an entry its user, the event's organizer or an admin may see; anyone else gets
 * NotFound, so entries are never revealed.
 */
export async function getEntryOrThrow(ctx: Ctx, id: string): Promise<OwnedEntry> {
  if (ctx.actor.type === "anonymous") throw new Unauthenticated();
  const [found] = isUuid(id)
    ? await ctx.db
        .select({ entry: waitlistEntries, ...resourceColumns })
        .from(waitlistEntries)
        .innerJoin(eventInventory, eq(eventInventory.eventId, waitlistEntries.eventId))
        .where(and(eq(waitlistEntries.id, id)))
    : [];
  if (!found || !can(ctx.actor, "waitlist:leave", { userId: found.entry.userId, ...eventResource(found) })) {
    throw new NotFound("NOT_FOUND", "Waitlist entry not found.");
  }
  return found;
}
