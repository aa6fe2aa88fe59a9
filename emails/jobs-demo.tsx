import { EmailLayout } from "./components/layout";
import { Greeting } from "./components/greeting";
import { Paragraph } from "./components/paragraph";
import { DetailTable } from "./components/detail-table";
import { formatEventTime } from "./format";

export type JobsDemoProps = {
  to: string;
  /** ISO 8601 instant the demo was requested (the event's time), to show how long delivery took. */
  requestedAt: string;
};

/** Sent by the jobs demo: proves that a committed fact reaches a job and the mail transport. */
export default function JobsDemo({ to, requestedAt }: JobsDemoProps) {
  return (
    <EmailLayout preview="Your test message from Evently arrived" heading="Your test message from Evently">
      <Greeting />
      <Paragraph>
        This message went the way every Evently email goes: the request recorded an event, a background job picked it
        up and sent this email.
      </Paragraph>
      <DetailTable
        rows={[
          { label: "To", value: to },
          { label: "Requested", value: formatEventTime(requestedAt) },
        ]}
      />
      <Paragraph muted>If you did not ask for a test message, you can ignore this email.</Paragraph>
    </EmailLayout>
  );
}

JobsDemo.PreviewProps = {
  to: "ann@example.com",
  requestedAt: "2026-03-14T18:30:00.000Z",
} satisfies JobsDemoProps;
