import { EmailLayout } from "./components/layout";
import { Button } from "./components/button";
import { DetailTable } from "./components/detail-table";
import { eventDetailRows, type EventSummary } from "./components/event-details";
import { Greeting } from "./components/greeting";
import { Paragraph } from "./components/paragraph";
import { plural } from "./format";

export type WaitlistJoinedProps = {
  recipientName?: string;
  event: EventSummary;
  /** 1-based: 1 is served next. */
  position: number;
  quantity: number;
  eventUrl: string;
};

export default function WaitlistJoined({ recipientName, event, position, quantity, eventUrl }: WaitlistJoinedProps) {
  return (
    <EmailLayout preview={`You're number ${position} on the waitlist for ${event.title}`} heading="You're on the waitlist">
      <Greeting name={recipientName} />
      <Paragraph>
        <strong>{event.title}</strong> is sold out for now, so we put you on the waitlist for{" "}
        {plural(quantity, "ticket", "tickets")}.
      </Paragraph>
      <DetailTable
        rows={[
          ...eventDetailRows(event),
          { label: "Your position", value: `#${position}` },
          { label: "Tickets wanted", value: String(quantity) },
        ]}
      />
      <Paragraph>
        When enough seats free up for your whole request, we book them for you automatically and email your tickets.
        Until then you pay nothing.
      </Paragraph>
      <Button href={eventUrl}>View the event</Button>
      <Paragraph muted>Your position can change if the organizer gives priority to other entries.</Paragraph>
    </EmailLayout>
  );
}

WaitlistJoined.PreviewProps = {
  recipientName: "Ann",
  event: {
    title: "Jazz on the Roof",
    venue: "Skyline Terrace, 12 Harbour St, Lisbon",
    startsAt: "2026-03-14T19:00:00.000Z",
  },
  position: 3,
  quantity: 2,
  eventUrl: "http://localhost:3000/events/5f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
} satisfies WaitlistJoinedProps;
