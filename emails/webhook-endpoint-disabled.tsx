import { EmailLayout } from "./components/layout";
import { Button } from "./components/button";
import { DetailTable } from "./components/detail-table";
import { Greeting } from "./components/greeting";
import { Paragraph } from "./components/paragraph";

export type WebhookEndpointDisabledProps = {
  recipientName?: string;
  url: string;
  /** ISO instant of the first failure of the unbroken run that ended in the switch-off. */
  failingSince: string;
  webhooksUrl: string;
};

/** Sent once when an endpoint that failed every delivery for three days is switched off. */
export default function WebhookEndpointDisabled({ recipientName, url, failingSince, webhooksUrl }: WebhookEndpointDisabledProps) {
  return (
    <EmailLayout preview="We stopped sending updates to one of your webhook addresses" heading="A webhook was switched off">
      <Greeting name={recipientName} />
      <Paragraph>
        We could not deliver updates to one of your webhook addresses for three days, so we have stopped sending to it.
        Nothing that happened in the meantime is lost: you can see every delivery in your dashboard.
      </Paragraph>
      <DetailTable
        rows={[
          { label: "Address", value: url },
          { label: "Failing since", value: `${new Date(failingSince).toUTCString()}` },
        ]}
      />
      <Paragraph>Once the receiving server works again, send a test or resend a delivery from the dashboard to switch it back on.</Paragraph>
      <Button href={webhooksUrl}>Open your webhooks</Button>
    </EmailLayout>
  );
}

WebhookEndpointDisabled.PreviewProps = {
  recipientName: "Olga",
  url: "https://crm.example.com/hooks/evently",
  failingSince: "2026-03-11T08:00:00.000Z",
  webhooksUrl: "http://localhost:3000/dashboard/webhooks",
} satisfies WebhookEndpointDisabledProps;
