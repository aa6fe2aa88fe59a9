import { Alert } from "@/app/_components/ui/alert";
import { EmptyState, PageHeader } from "@/app/_components/ui/card";
import { can, UNVERIFIED_ACCOUNT_DAYS } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { currentCtx, requireSession } from "@/lib/web/current-actor";

/**
 * Signed-in visitors only (others go to sign in and come back). `allowed`: their role organizes
 * events; `verified`: they may also create and publish (a proven mailbox), so the page can say
 * what stands in the way instead of offering buttons that would be refused.
 */
export async function organizerAccess(path: string): Promise<{ ctx: Ctx; allowed: boolean; creates: boolean; verified: boolean; email: string }> {
  const { actor, user } = await requireSession(path);
  const creates = can({ ...actor, emailVerified: true }, "event:create");
  return {
    ctx: await currentCtx(),
    // Organizers, and members of an organization whatever their role: each page then checks what the role may do.
    allowed: creates || (actor.memberships?.length ?? 0) > 0,
    creates,
    verified: can(actor, "event:publish"),
    email: user.email,
  };
}

export function OrganizersOnly({ title }: { title: string }) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState title="Organizer accounts only">Events are created and managed by organizers. Ask an admin to make your account an organizer.</EmptyState>
    </>
  );
}

export function VerifyToOrganize({ email }: { email: string }) {
  return (
    <Alert tone="warning">
      Your email address is not confirmed yet, so you cannot create or publish events.{" "}
      <a className="underline" href={`/verify?email=${encodeURIComponent(email)}`}>
        Confirm it
      </a>{" "}
      with the code we sent you. Unconfirmed accounts are deleted {UNVERIFIED_ACCOUNT_DAYS} days after sign-up.
    </Alert>
  );
}
