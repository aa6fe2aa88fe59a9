import { formatEventTime } from "../format";
import type { DetailRow } from "./detail-table";

/** What every event-related email needs to say about the event. Times are ISO 8601 UTC instants. */
export type EventSummary = {
  title: string;
  venue: string;
  startsAt: string;
};

export type ScheduledEvent = EventSummary & { endsAt: string };

export function eventDetailRows(event: EventSummary): DetailRow[] {
  return [
    { label: "Event", value: event.title },
    { label: "When", value: formatEventTime(event.startsAt) },
    { label: "Where", value: event.venue },
  ];
}
