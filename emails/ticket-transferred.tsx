import { EmailLayout } from "./components/layout";
import { Button } from "./components/button";
import { DetailTable } from "./components/detail-table";
import { eventDetailRows, type EventSummary } from "./components/event-details";
import { Paragraph } from "./components/paragraph";
import { TicketCodes } from "./components/ticket-codes";

export type TicketTransferredProps = {
  /** Who passed the ticket on, as their account names them. */
  fromName: string;
  attendeeName: string | null;
  event: EventSummary;
  ticketType: string;
  ticketCode: string;
  eventUrl: string;
};

/** To the new holder of a transferred ticket: the ticket itself, since they may have no account. */
export default function TicketTransferred({ fromName, attendeeName, event, ticketType, ticketCode, eventUrl }: TicketTransferredProps) {
  return (
    <EmailLayout preview={`${fromName} sent you a ticket for ${event.title}`} heading="You have a ticket">
      <Paragraph>
        {fromName} transferred a ticket for <strong>{event.title}</strong> to you. Show this code at the entrance.
      </Paragraph>
      <TicketCodes codes={[ticketCode]} />
      <DetailTable rows={[...eventDetailRows(event), { label: "Ticket", value: ticketType }, ...(attendeeName ? [{ label: "Name", value: attendeeName }] : [])]} />
      <Button href={eventUrl}>View the event</Button>
    </EmailLayout>
  );
}

TicketTransferred.PreviewProps = {
  fromName: "Ann",
  attendeeName: "Ben Ortiz",
  event: { title: "Jazz on the Roof", venue: "Skyline Terrace, 12 Harbour St, Lisbon", startsAt: "2026-03-14T19:00:00.000Z", timezone: "Europe/Lisbon" },
  ticketType: "General admission",
  ticketCode: "7Q2M4K9XH3TB1PZRW8CD",
  eventUrl: "https://evently.example/events/7d0c4c1e-2f61-4c43-9a57-2a4f4f0e9b11",
} satisfies TicketTransferredProps;
