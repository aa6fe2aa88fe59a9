import { formatEventTime } from "../format";
import type { DetailRow } from "./detail-table";

/** What every event-related email needs to say about the event. Times are ISO 8601 UTC instants, shown in `timezone`. */
export type EventSummary = {
  title: string;
  venue: string;
  startsAt: string;
  /** IANA zone; absent in messages queued before events had one (they were UTC). */
  timezone?: string;
};

export type ScheduledEvent = EventSummary & { endsAt: string };

export function eventDetailRows(event: EventSummary): DetailRow[] {
  return [
    { label: "Event", value: event.title },
    { label: "When", value: formatEventTime(event.startsAt, event.timezone) },
    { label: "Where", value: event.venue },
  ];
}
