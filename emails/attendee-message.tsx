import { EmailLayout } from "./components/layout";
import { Button } from "./components/button";
import { Paragraph } from "./components/paragraph";

export type AttendeeMessageProps = {
  eventTitle: string;
  subject: string;
  /** Plain text as the organizer wrote it; blank lines separate paragraphs. */
  body: string;
  eventUrl: string;
};

/** An organizer's message to the event's ticket holders, in their words (text only, no markup). */
export default function AttendeeMessage({ eventTitle, subject, body, eventUrl }: AttendeeMessageProps) {
  return (
    <EmailLayout preview={subject} heading={subject}>
      <Paragraph muted>A message from the organizer of {eventTitle}:</Paragraph>
      {body
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <Paragraph key={i}>{p}</Paragraph>
        ))}
      <Button href={eventUrl}>View the event</Button>
    </EmailLayout>
  );
}

AttendeeMessage.PreviewProps = {
  eventTitle: "Jazz on the Roof",
  subject: "Doors open at 18:30",
  body: "Hi all,\n\nDoors open half an hour early. Bring a jacket: it gets windy on the roof.",
  eventUrl: "https://evently.example/events/7d0c4c1e-2f61-4c43-9a57-2a4f4f0e9b11",
} satisfies AttendeeMessageProps;
