import { ZodError } from "zod";
import { isDomainError } from "@/lib/domain/errors";

export const STALE_CURSOR_NOTICE = "That page link was not one this list handed out, so here is the first page.";

function isBadCursor(error: unknown): boolean {
  if (isDomainError(error)) return error.code === "INVALID_CURSOR";
  return error instanceof ZodError && error.issues.every((issue) => issue.path[0] === "cursor");
}

/**
 * A page's list from its `?cursor=`: a cursor the list did not hand out (garbage, an impossible
 * time, a repeated parameter) shows the first page with a notice instead of an error page. The
 * API answers the same cursor with 400 INVALID_CURSOR (lib/domain/cursor.ts decides for both).
 */
export async function loadFromCursor<T>(cursor: unknown, load: (cursor: string | undefined) => Promise<T>): Promise<{ page: T; notice?: string }> {
  if (cursor === undefined || cursor === "") return { page: await load(undefined) };
  if (typeof cursor !== "string") return { page: await load(undefined), notice: STALE_CURSOR_NOTICE };
  try {
    return { page: await load(cursor) };
  } catch (error) {
    if (!isBadCursor(error)) throw error;
    return { page: await load(undefined), notice: STALE_CURSOR_NOTICE };
  }
}
