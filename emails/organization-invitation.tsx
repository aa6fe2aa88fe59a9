import { EmailLayout } from "./components/layout";
import { Button } from "./components/button";
import { DetailTable } from "./components/detail-table";
import { Paragraph } from "./components/paragraph";

export type OrganizationInvitationProps = {
  organizationName: string;
  inviterName: string;
  roleLabel: string;
  /** ISO instant after which the link no longer works. */
  expiresAt: string;
  acceptUrl: string;
};

/** Sent to an address invited into an organization; the link works for the account with this address. */
export default function OrganizationInvitation({ organizationName, inviterName, roleLabel, expiresAt, acceptUrl }: OrganizationInvitationProps) {
  return (
    <EmailLayout preview={`${inviterName} invited you to ${organizationName} on Evently`} heading={`Join ${organizationName} on Evently`}>
      <Paragraph>
        {inviterName} invited you to work on {organizationName}&apos;s events as {roleLabel.toLowerCase()}. Sign in (or create an account) with this email
        address, then accept the invitation.
      </Paragraph>
      <DetailTable
        rows={[
          { label: "Organization", value: organizationName },
          { label: "Role", value: roleLabel },
          { label: "Valid until", value: new Date(expiresAt).toUTCString() },
        ]}
      />
      <Button href={acceptUrl}>See the invitation</Button>
      <Paragraph>If you did not expect this, ignore this email: nothing happens unless you accept.</Paragraph>
    </EmailLayout>
  );
}

OrganizationInvitation.PreviewProps = {
  organizationName: "Lisbon Tech Nights",
  inviterName: "Olga",
  roleLabel: "Manager",
  expiresAt: "2026-03-18T08:00:00.000Z",
  acceptUrl: "http://localhost:3000/invitations/7d3f0e2a-1b4c-4d5e-8f6a-9b0c1d2e3f4a",
} satisfies OrganizationInvitationProps;
