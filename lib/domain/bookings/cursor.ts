import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { Validation } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";

/**
 * Keyset pagination over (created_at desc, id desc) with an opaque cursor. The time travels as
 * Postgres stored it (microseconds): a JS Date would round it and skip rows at page boundaries.
 */
const ISO_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function cursorTime(column: AnyColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

function decode(raw: string): { at: string; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as [unknown, unknown];
    if (typeof at === "string" && ISO_MICROS.test(at) && typeof id === "string" && isUuid(id)) return { at, id };
  } catch {
    // an unreadable cursor gets the same answer as a forged one
  }
  throw new Validation("INVALID_CURSOR", "The cursor is not one this list returned.", [{ path: "cursor", message: "is not a cursor from this list" }]);
}

export function afterCursor(createdAt: AnyColumn, id: AnyColumn, raw: string | undefined): SQL | undefined {
  if (!raw) return undefined;
  const c = decode(raw);
  return sql`(${createdAt}, ${id}) < (${c.at}::timestamptz, ${c.id}::uuid)`;
}

/** From `limit + 1` rows: the page and the cursor to the next one. */
export function toPage<T extends { cursorAt: string; id: string }>(rows: T[], limit: number) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    page: page.map(({ cursorAt: _, ...rest }) => rest),
    nextCursor: rows.length > limit && last ? Buffer.from(JSON.stringify([last.cursorAt, last.id])).toString("base64url") : null,
  };
}
