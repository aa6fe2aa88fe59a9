import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { authorize, can } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { decodeOffsetCursor, encodeOffsetCursor } from "@/lib/domain/cursor";
import { NotFound } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { eventInventory, waitlistEntries } from "./schema";
import { offerOf, toEntryView } from "./waitlist-view";
import { eventResource, resourceColumns } from "./event-resource";

export const listEventWaitlistInput = z.object({
  eventId: z.string(),
  limit: z.number().int().min(1).max(100).default(20),
  cursor: z.string().optional(),
  status: z.enum(["waiting", "booked", "left", "closed"]).optional(),
});

/**
 * An event's waitlist for its organizer or an admin: waiting entries in serving order (with
 * their positions) first, then the entries that no longer wait, oldest first. The cursor is
 * an offset, since positions move while the organizer pages.
 */
export async function listEventWaitlist({ ctx, input }: { ctx: Ctx; input: z.input<typeof listEventWaitlistInput> }) {
  const i = listEventWaitlistInput.parse(input);
  const offset = decodeOffsetCursor(i.cursor);
  const [inv] = isUuid(i.eventId)
    ? await ctx.db.select({ ...resourceColumns, status: eventInventory.status }).from(eventInventory).where(eq(eventInventory.eventId, i.eventId))
    : [];
  if (!inv || (inv.status === "draft" && !can(ctx.actor, "event:manage", eventResource(inv)))) throw new NotFound();
  authorize(ctx.actor, "waitlist:manage", eventResource(inv));
  const rows = await ctx.db
    .select({
      row: waitlistEntries,
      position: sql<number | null>`case when ${waitlistEntries.status} = 'waiting' then (row_number() over (
        partition by ${waitlistEntries.status} = 'waiting'
        order by ${waitlistEntries.priority} desc, ${waitlistEntries.createdAt}, ${waitlistEntries.id}))::int end`,
      offer: offerOf,
    })
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.eventId, i.eventId), i.status ? eq(waitlistEntries.status, i.status) : undefined))
    .orderBy(
      sql`${waitlistEntries.status} <> 'waiting'`,
      sql`case when ${waitlistEntries.status} = 'waiting' then ${waitlistEntries.priority} end desc`,
      waitlistEntries.createdAt,
      waitlistEntries.id,
    )
    .limit(i.limit + 1)
    .offset(offset);
  const page = rows.slice(0, i.limit);
  return {
    data: page.map((r) => toEntryView(r.row, r.position, r.offer)),
    nextCursor: rows.length > i.limit ? encodeOffsetCursor(offset + i.limit) : null,
  };
}
