import { and, asc, eq, gt, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { isTransaction } from "@/lib/db/transaction";
import type { Ctx, UserActor } from "@/lib/domain/context";
import { afterCursor, cursorTime, toPage } from "@/lib/domain/cursor";
import { Unauthenticated, Validation } from "@/lib/domain/errors";
import { boundedDayOrInstant, LATEST_INSTANT } from "@/lib/domain/instants";
import { eventCache } from "./event-cache";
import { eventPageCodec, type EventPage } from "./event-json";
import { eventColumns } from "./event-record";
import { withSales, type Audience } from "./event-sales";
import { events } from "./schema";
import { searchQuery } from "./search-query";

const DAY_MS = 86_400_000;
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const dayOrInstant = boundedDayOrInstant();

/** The query as clients send it (empty form fields count as absent); strings stay strings, so it parses twice unchanged. */
export const listEventsInput = z.object({
  /** `public`: published events for anyone. `manage`: the caller's own events of every status (admins: all events). */
  scope: optional(z.enum(["public", "manage"])),
  q: optional(z.string().trim().max(200, "must be at most 200 characters")),
  category: optional(z.string().trim().toLowerCase().max(40, "must be at most 40 characters")),
  from: optional(dayOrInstant).describe("Events still running at or after this instant (a date: its start, UTC). Public default: now"),
  to: optional(dayOrInstant).describe("Events starting at or before this instant (a date: by the end of that UTC day)"),
  limit: z.preprocess(
    blankToUndefined,
    z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(20),
  ),
  cursor: optional(z.string().max(200, "is not a valid cursor")),
});

export type ListEventsInput = z.input<typeof listEventsInput>;

const isDay = (value: string) => !value.includes("T");

function resolveRange(from: string | undefined, to: string | undefined) {
  const fromAt = from ? new Date(isDay(from) ? `${from}T00:00:00Z` : from) : undefined;
  // Exclusive upper bound on starts_at: the next day for a date, the next millisecond for an
  // instant. Past the latest instant no event can start, so that bound is no bound at all.
  const after = to ? new Date(new Date(isDay(to) ? `${to}T00:00:00Z` : to).getTime() + (isDay(to) ? DAY_MS : 1)) : undefined;
  const toBefore = after && after <= LATEST_INSTANT ? after : undefined;
  if (fromAt && toBefore && toBefore <= fromAt) {
    throw new Validation("INVALID_RANGE", "The range ends before it starts.", [{ path: "to", message: "must not be before from" }]);
  }
  return { from: fromAt, toBefore };
}

/**
 * Events in (starts_at, id) order with keyset pagination, each query served by its own index
 * (see schema.ts). Public pages are cached (seats may then lag by the cache TTL); an organizer's
 * own list never is.
 */
export async function listEvents({ ctx, input }: { ctx: Ctx; input: ListEventsInput }): Promise<EventPage> {
  const parsed = listEventsInput.parse(input);
  const i = { ...parsed, scope: parsed.scope ?? "public", ...resolveRange(parsed.from, parsed.to) };
  const cursor = afterCursor(events.startsAt, events.id, i.cursor, "asc");
  if (i.scope === "manage") return loadPage(ctx, i, cursor, manageConditions(ctx, i.from), "caller");
  const load = () => loadPage(ctx, i, cursor, publicConditions(i.from ?? ctx.now()), "public");
  if (isTransaction(ctx.db)) return load();
  const cacheKey = {
    q: i.q?.toLowerCase().replace(/\s+/g, " "),
    category: i.category,
    // "Now" moves every millisecond; within the cache TTL it is the same browse page.
    from: i.from?.toISOString() ?? "now",
    toBefore: i.toBefore?.toISOString(),
    limit: i.limit,
    cursor: i.cursor,
  };
  return eventCache().list(cacheKey, load, eventPageCodec);
}

/**
 * "Still running at `from`" is `ends_at > from`; bounding starts_at from below by the longest
 * published event (one read of events_published_duration_idx) turns it into an index range.
 */
function publicConditions(from: Date): SQL[] {
  const at = from.toISOString();
  return [
    eq(events.status, "published"),
    gt(events.endsAt, from),
    sql`${events.startsAt} >= ${at}::timestamptz - (select coalesce(max(ends_at - starts_at), interval '0') from ${events} where status = 'published')`,
  ];
}

/** The events a member works on: their organizations' (any role), and their own outside any organization. */
function managedBy(actor: UserActor): SQL {
  const own = and(eq(events.organizerId, actor.userId), isNull(events.organizationId))!;
  const organizations = (actor.memberships ?? []).map((m) => m.organizationId);
  return organizations.length > 0 ? or(own, inArray(events.organizationId, organizations))! : own;
}

function manageConditions(ctx: Ctx, from: Date | undefined): SQL[] {
  const { actor } = ctx;
  if (actor.type === "anonymous") throw new Unauthenticated();
  const conditions: SQL[] = [];
  if (actor.type === "user" && actor.role !== "admin") conditions.push(managedBy(actor));
  if (from) conditions.push(gt(events.endsAt, from));
  return conditions;
}

type ParsedInput = { q?: string; category?: string; toBefore?: Date; limit: number };

/** `public` pages are cached and served to anyone, so they show what anyone may see. */
async function loadPage(ctx: Ctx, i: ParsedInput, cursor: SQL | undefined, scope: SQL[], audience: Audience): Promise<EventPage> {
  const conditions = [...scope];
  if (i.toBefore) conditions.push(lt(events.startsAt, i.toBefore));
  if (i.category) conditions.push(eq(events.category, i.category));
  if (i.q) conditions.push(sql`${events.search} @@ ${searchQuery(i.q)}`);
  if (cursor) conditions.push(cursor);

  const rows = await ctx.db
    .select({ record: eventColumns, cursorAt: cursorTime(events.startsAt), id: events.id })
    .from(events)
    .where(and(...conditions))
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(i.limit + 1);
  const { page: found, nextCursor } = toPage(rows, i.limit);
  const page = found.map((row) => row.record);
  return { data: await withSales(ctx, page, audience), nextCursor };
}
