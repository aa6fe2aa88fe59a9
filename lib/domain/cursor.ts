import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { BadRequest } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { isWithinBounds } from "@/lib/domain/instants";

/**
 * The one cursor of every list: keyset pagination over (time, id), opaque to clients, and an
 * offset form for lists whose order moves while one pages (a waitlist's serving order).
 *
 * The time travels as Postgres wrote it, to the microsecond: a JS Date would round it to
 * milliseconds and skip rows on page boundaries. A cursor that is not one we handed out
 * (garbage, a wrong shape, an impossible time like 2026-13-45T99:99:99) is a 400
 * INVALID_CURSOR, never a query that fails in Postgres.
 */
export type Position = { at: string; id: string };

const ISO_MICROS = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3})\d{3}Z$/;

function invalidCursor(): BadRequest {
  return new BadRequest("INVALID_CURSOR", "The cursor is not one this list returned.", [{ path: "cursor", message: "is not a cursor from this list" }]);
}

/** A real instant within the bounds: its millisecond part must read back unchanged through Date. */
function isRealInstant(at: string): boolean {
  const millis = ISO_MICROS.exec(at)?.[1];
  if (!millis) return false;
  const date = new Date(`${millis}Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString() === `${millis}Z` && isWithinBounds(date);
}

/** Select this next to the row to build its cursor. */
export function cursorTime(column: AnyColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.at, position.id])).toString("base64url");
}

export function decodeCursor(raw: string): Position {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(decoded) || decoded.length !== 2) throw invalidCursor();
  const [at, id] = decoded as unknown[];
  if (typeof at !== "string" || !isRealInstant(at) || typeof id !== "string" || !isUuid(id)) throw invalidCursor();
  return { at, id };
}

/** The rows after the cursor in (time, id) order, as a row comparison an index on both serves. */
export function afterCursor(time: AnyColumn, id: AnyColumn, raw: string | undefined, order: "asc" | "desc" = "desc"): SQL | undefined {
  if (!raw) return undefined;
  const c = decodeCursor(raw);
  return order === "desc"
    ? sql`(${time}, ${id}) < (${c.at}::timestamptz, ${c.id}::uuid)`
    : sql`(${time}, ${id}) > (${c.at}::timestamptz, ${c.id}::uuid)`;
}

/** From `limit + 1` fetched rows (each with its `cursorAt`): the page and the cursor to the next one. */
export function toPage<T extends { cursorAt: string; id: string }>(rows: T[], limit: number): { page: Omit<T, "cursorAt">[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    page: page.map(({ cursorAt: _, ...rest }) => rest),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null,
  };
}

/** Largest offset a cursor may carry: far past any real list, small enough for Postgres' bigint. */
const MAX_OFFSET = 1_000_000_000;

export function encodeOffsetCursor(offset: number): string {
  return Buffer.from(String(offset)).toString("base64url");
}

export function decodeOffsetCursor(raw: string | undefined): number {
  if (!raw) return 0;
  const text = Buffer.from(raw, "base64url").toString("utf8");
  const offset = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(offset) || offset > MAX_OFFSET) throw invalidCursor();
  return offset;
}
