import { EmailLayout } from "./components/layout";
import { Button } from "./components/button";
import { DetailTable, type DetailRow } from "./components/detail-table";
import { eventDetailRows, type EventSummary } from "./components/event-details";
import { Greeting } from "./components/greeting";
import { Paragraph } from "./components/paragraph";
import { colors } from "./components/theme";
import { formatEventTime } from "./format";

/** One changed detail; time fields carry ISO 8601 UTC instants, the others plain text. */
export type EventChange = {
  field: "title" | "venue" | "startsAt" | "endsAt";
  before: string;
  after: string;
};

export type EventChangedProps = {
  recipientName?: string;
  /** The event as it is now. */
  event: EventSummary;
  changes: EventChange[];
  eventUrl: string;
};

const labels: Record<EventChange["field"], string> = {
  title: "Title",
  venue: "Venue",
  startsAt: "Starts",
  endsAt: "Ends",
};

/** Old and new times both read in the event's current zone, so the reader compares like with like. */
function display(field: EventChange["field"], value: string, timeZone: string | undefined): string {
  return field === "startsAt" || field === "endsAt" ? formatEventTime(value, timeZone) : value;
}

function changeRow({ field, before, after }: EventChange, timeZone: string | undefined): DetailRow {
  return {
    label: labels[field],
    value: (
      <>
        Now: <strong>{display(field, after, timeZone)}</strong>
        <br />
        <span style={{ color: colors.muted }}>Was: {display(field, before, timeZone)}</span>
      </>
    ),
  };
}

export default function EventChanged({ recipientName, event, changes, eventUrl }: EventChangedProps) {
  return (
    <EmailLayout preview={`${event.title} has changed: please check the new details`} heading="An event you're going to has changed">
      <Greeting name={recipientName} />
      <Paragraph>
        The organizer changed some details of <strong>{event.title}</strong>. Your booking and ticket codes stay valid.
      </Paragraph>
      <DetailTable rows={changes.map((change) => changeRow(change, event.timezone))} />
      <Paragraph>The event as it stands now:</Paragraph>
      <DetailTable rows={eventDetailRows(event)} />
      <Button href={eventUrl}>View the event</Button>
      <Paragraph muted>If the new details do not work for you, you can cancel your booking from the event page.</Paragraph>
    </EmailLayout>
  );
}

EventChanged.PreviewProps = {
  recipientName: "Ann",
  event: {
    title: "Jazz on the Roof",
    venue: "Harbour Hall, 3 Quay Rd, Lisbon",
    startsAt: "2026-04-04T19:00:00.000Z",
    timezone: "Europe/Lisbon",
  },
  changes: [
    { field: "startsAt", before: "2026-03-14T19:00:00.000Z", after: "2026-04-04T19:00:00.000Z" },
    { field: "venue", before: "Skyline Terrace, 12 Harbour St, Lisbon", after: "Harbour Hall, 3 Quay Rd, Lisbon" },
  ],
  eventUrl: "http://localhost:3000/events/5f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
} satisfies EventChangedProps;
