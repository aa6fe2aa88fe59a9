import { and, asc, eq, gt, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { isTransaction } from "@/lib/db/transaction";
import { getSeatsAvailable } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { Unauthenticated } from "@/lib/domain/errors";
import { eventCache } from "./event-cache";
import { eventPageCodec, type EventPage } from "./event-json";
import { eventColumns, toEvent } from "./event-record";
import { decodeCursor, encodeCursor } from "./list-cursor";
import { events } from "./schema";
import { searchQuery } from "./search-query";

const DAY_MS = 86_400_000;
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A date (a whole UTC day) or a date-time; `to` as a date includes that whole day. */
const dayOrInstant = z.union(
  [z.iso.date().transform((d) => ({ at: new Date(`${d}T00:00:00Z`), wholeDay: true })), z.iso.datetime({ offset: true }).transform((t) => ({ at: new Date(t), wholeDay: false }))],
  { error: "must be a date (2026-06-01) or an ISO 8601 date-time" },
);

export const listEventsInput = z
  .object({
    /** `public`: published events for anyone. `manage`: the caller's own events, every status (admins: all events). */
    scope: z.enum(["public", "manage"]).default("public"),
    q: z.preprocess(blankToUndefined, z.string().trim().max(200, "must be at most 200 characters").optional()),
    category: z.preprocess(blankToUndefined, z.string().trim().toLowerCase().max(40, "must be at most 40 characters").optional()),
    /** Events still running at or after this instant (default: now, for the public scope). */
    from: z.preprocess(blankToUndefined, dayOrInstant.optional()),
    /** Events starting at or before this instant (a date: before that day ends). */
    to: z.preprocess(blankToUndefined, dayOrInstant.optional()),
    limit: z.preprocess(blankToUndefined, z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(20)),
    cursor: z.preprocess(blankToUndefined, z.string().max(200).optional()),
  })
  .transform(({ from, to, ...rest }) => ({
    ...rest,
    from: from?.at,
    // Exclusive upper bound on starts_at.
    toBefore: to ? new Date(to.at.getTime() + (to.wholeDay ? DAY_MS : 1)) : undefined,
  }))
  .refine((i) => !i.from || !i.toBefore || i.from < i.toBefore, { path: ["to"], message: "must not be before from" });

export type ListEventsInput = z.input<typeof listEventsInput>;

/**
 * Events in (starts_at, id) order with keyset pagination, each query served by its own index
 * (see schema.ts). Public pages are cached (seats may then lag by the cache TTL); an organizer's
 * own list never is.
 */
export async function listEvents({ ctx, input }: { ctx: Ctx; input: ListEventsInput }): Promise<EventPage> {
  const i = listEventsInput.parse(input);
  const cursor = i.cursor ? decodeCursor(i.cursor) : undefined;
  if (i.scope === "manage") return loadPage(ctx, i, cursor, manageConditions(ctx, i.from));
  const load = () => loadPage(ctx, i, cursor, publicConditions(i.from ?? ctx.now()));
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

function manageConditions(ctx: Ctx, from: Date | undefined): SQL[] {
  const { actor } = ctx;
  if (actor.type === "anonymous") throw new Unauthenticated();
  const conditions: SQL[] = [];
  if (actor.type === "user" && actor.role !== "admin") conditions.push(eq(events.organizerId, actor.userId));
  if (from) conditions.push(gt(events.endsAt, from));
  return conditions;
}

type ParsedInput = z.output<typeof listEventsInput>;

async function loadPage(ctx: Ctx, i: ParsedInput, cursor: ReturnType<typeof decodeCursor> | undefined, scope: SQL[]): Promise<EventPage> {
  const conditions = [...scope];
  if (i.toBefore) conditions.push(lt(events.startsAt, i.toBefore));
  if (i.category) conditions.push(eq(events.category, i.category));
  if (i.q) conditions.push(sql`${events.search} @@ ${searchQuery(i.q)}`);
  if (cursor) conditions.push(sql`(${events.startsAt}, ${events.id}) > (${cursor.startsAt.toISOString()}::timestamptz, ${cursor.id}::uuid)`);

  const rows = await ctx.db
    .select(eventColumns)
    .from(events)
    .where(and(...conditions))
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(i.limit + 1);
  const page = rows.slice(0, i.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > i.limit && last ? encodeCursor({ startsAt: last.startsAt, id: last.id }) : null;
  const seats = await getSeatsAvailable({ ctx, input: { eventIds: page.map((r) => r.id) } });
  const now = ctx.now();
  return { data: page.map((record) => toEvent(record, seats.get(record.id), now)), nextCursor };
}
