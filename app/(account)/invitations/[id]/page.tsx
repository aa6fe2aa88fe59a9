import type { Metadata } from "next";
import { Alert } from "@/app/_components/ui/alert";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { isDomainError } from "@/lib/domain/errors";
import { getInvitation, MEMBER_ROLE_LABELS, type InvitationView } from "@/lib/domain/organizations";
import { currentCtx, requireSession } from "@/lib/web/current-actor";
import { AcceptInvitationForm } from "./accept-form";

export const metadata: Metadata = { title: "Invitation" };

const STATE_WORDS: Record<Exclude<InvitationView["state"], "open">, string> = {
  accepted: "This invitation has been accepted already.",
  revoked: "This invitation was withdrawn.",
  expired: "This invitation has expired: ask for a new one.",
};

/** Where an invitation email leads: the invitee, signed in with the invited address, accepts here. */
export default async function InvitationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user } = await requireSession(`/invitations/${id}`);
  const ctx = await currentCtx();
  let invitation: InvitationView | null = null;
  try {
    invitation = await getInvitation({ ctx, input: { id } });
  } catch (error) {
    if (!isDomainError(error) || error.kind !== "NotFound") throw error;
  }
  if (!invitation) {
    return (
      <>
        <PageHeader title="Invitation" />
        <Alert tone="warning">
          This invitation does not exist or was sent to another address. You are signed in as {user.email}: sign in with the address the invitation
          was sent to.
        </Alert>
      </>
    );
  }
  return (
    <>
      <PageHeader title={`Join ${invitation.organizationName}`} />
      <Card>
        <p className="mb-4 text-sm text-slate-700">
          You are invited as <strong>{MEMBER_ROLE_LABELS[invitation.role].toLowerCase()}</strong>.
        </p>
        {invitation.state === "open" ? <AcceptInvitationForm id={invitation.id} organizationName={invitation.organizationName} /> : <Alert tone="info">{STATE_WORDS[invitation.state]}</Alert>}
      </Card>
    </>
  );
}
