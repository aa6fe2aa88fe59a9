import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { BadRequest } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";

/**
 * Keyset pagination over (created_at desc, id desc), with the cursor opaque to clients. The
 * timestamp travels as Postgres wrote it (microseconds): a JS Date would round it to
 * milliseconds and skip rows on page boundaries.
 */
type Cursor = { at: string; id: string };

const ISO_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** Select this next to the row to build its cursor. */
export function cursorTime(column: AnyColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

export function encodeCursor(row: { cursorAt: string; id: string }): string {
  return Buffer.from(JSON.stringify([row.cursorAt, row.id])).toString("base64url");
}

function decodeCursor(raw: string): Cursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as [unknown, unknown];
    if (typeof at === "string" && ISO_MICROS.test(at) && typeof id === "string" && isUuid(id)) return { at, id };
  } catch {
    // an unreadable cursor gets the same answer as a well-formed foreign one
  }
  throw new BadRequest("INVALID_CURSOR", "The cursor is not one this list returned.");
}

/** The rows after the cursor, as a row comparison the (created_at desc, id desc) index serves. */
export function afterCursor(createdAt: AnyColumn, id: AnyColumn, raw: string | undefined): SQL | undefined {
  if (!raw) return undefined;
  const c = decodeCursor(raw);
  return sql`(${createdAt}, ${id}) < (${c.at}::timestamptz, ${c.id}::uuid)`;
}

/** Takes `limit + 1` fetched rows and returns the page and the cursor to the next one. */
export function toPage<T extends { cursorAt: string; id: string }>(rows: T[], limit: number): { page: Omit<T, "cursorAt">[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    page: page.map(({ cursorAt: _, ...rest }) => rest),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}
