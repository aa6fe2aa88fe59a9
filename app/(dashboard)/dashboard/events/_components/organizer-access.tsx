import { EmptyState, PageHeader } from "@/app/_components/ui/card";
import { can } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { currentCtx, requireSession } from "@/lib/web/current-actor";

/** Signed-in visitors only (others go to sign in and come back); `allowed` says whether they may organize events. */
export async function organizerAccess(path: string): Promise<{ ctx: Ctx; allowed: boolean }> {
  const session = await requireSession(path);
  return { ctx: await currentCtx(), allowed: can(session.actor, "event:create") };
}

export function OrganizersOnly({ title }: { title: string }) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState title="Organizer accounts only">Events are created and managed by organizers. Ask an admin to make your account an organizer.</EmptyState>
    </>
  );
}
