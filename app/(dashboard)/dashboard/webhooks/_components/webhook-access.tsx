import { EmptyState, PageHeader } from "@/app/_components/ui/card";
import { can } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { currentCtx, requireSession } from "@/lib/web/current-actor";

/** Signed-in visitors only; `allowed` when their role may have webhooks (organizers, admins). */
export async function webhookAccess(path: string): Promise<{ ctx: Ctx; allowed: boolean }> {
  const { actor } = await requireSession(path);
  return { ctx: await currentCtx(), allowed: can(actor, "webhook:manage") };
}

export function OrganizersOnly() {
  return (
    <>
      <PageHeader title="Webhooks" />
      <EmptyState title="Organizer accounts only">Webhooks tell your other systems about your events. Ask an admin to make your account an organizer.</EmptyState>
    </>
  );
}
