import type { Codec } from "./event-cache";
import type { Event, EventRecord } from "./event-record";

/** Cached events travel as JSON; these put their Date fields back. */
const DATE_FIELDS = ["startsAt", "endsAt", "createdAt", "updatedAt", "publishedAt", "cancelledAt", "nameChangeDeadline"] as const;

function reviveDates<T>(stored: unknown): T {
  const value = { ...(stored as Record<string, unknown>) };
  for (const field of DATE_FIELDS) {
    const raw = value[field];
    if (typeof raw === "string") value[field] = new Date(raw);
  }
  return value as T;
}

export const eventRecordCodec: Codec<EventRecord> = {
  encode: (record) => record,
  decode: (stored) => reviveDates<EventRecord>(stored),
};

export type EventPage = { data: Event[]; nextCursor: string | null };

export const eventPageCodec: Codec<EventPage> = {
  encode: (page) => page,
  decode: (stored) => {
    const page = stored as { data: unknown[]; nextCursor: string | null };
    return { data: page.data.map((event) => reviveDates<Event>(event)), nextCursor: page.nextCursor };
  },
};
