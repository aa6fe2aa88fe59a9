import { EmailLayout } from "./components/layout";
import { Button } from "./components/button";
import { DetailTable } from "./components/detail-table";
import { eventDetailRows, type EventSummary } from "./components/event-details";
import { Greeting } from "./components/greeting";
import { Paragraph } from "./components/paragraph";
import { plural } from "./format";

export type EventReminderProps = {
  recipientName?: string;
  event: EventSummary;
  /** Which reminder: the day before, or two hours before the start. */
  lead: "24h" | "2h";
  quantity: number;
  /** The order page (tickets, QR codes, PDF); a transferred ticket's holder gets the event page. */
  ticketsUrl: string;
};

const soon: Record<EventReminderProps["lead"], string> = { "24h": "tomorrow", "2h": "in about two hours" };

export default function EventReminder({ recipientName, event, lead, quantity, ticketsUrl }: EventReminderProps) {
  return (
    <EmailLayout preview={`${event.title} starts ${soon[lead]}`} heading={`See you ${lead === "24h" ? "tomorrow" : "soon"}`}>
      <Greeting name={recipientName} />
      <Paragraph>
        <strong>{event.title}</strong> starts {soon[lead]}. You hold {plural(quantity, "ticket", "tickets")}: show the code or QR code of each ticket at the entrance.
      </Paragraph>
      <DetailTable rows={eventDetailRows(event)} />
      <Button href={ticketsUrl}>Show my tickets</Button>
    </EmailLayout>
  );
}

EventReminder.PreviewProps = {
  recipientName: "Ann",
  event: { title: "Jazz on the Roof", venue: "Skyline Terrace, 12 Harbour St, Lisbon", startsAt: "2026-03-14T19:00:00.000Z", timezone: "Europe/Lisbon" },
  lead: "24h",
  quantity: 2,
  ticketsUrl: "https://evently.example/orders/7d0c4c1e-2f61-4c43-9a57-2a4f4f0e9b11",
} satisfies EventReminderProps;
