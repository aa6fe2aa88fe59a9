import { Validation } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";

/** Keyset position in (starts_at, id) order, opaque to clients. */
export type ListCursor = { startsAt: Date; id: string };

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(`${cursor.startsAt.getTime()}.${cursor.id}`).toString("base64url");
}

export function decodeCursor(value: string): ListCursor {
  const [millis, id, extra] = Buffer.from(value, "base64url").toString("utf8").split(".");
  const startsAt = new Date(Number(millis));
  if (extra !== undefined || !id || !isUuid(id) || !/^-?\d+$/.test(millis ?? "") || Number.isNaN(startsAt.getTime())) {
    throw new Validation("INVALID_CURSOR", "The cursor is not one this API handed out.", [
      { path: "cursor", message: "is not a valid cursor" },
    ]);
  }
  return { startsAt, id };
}
