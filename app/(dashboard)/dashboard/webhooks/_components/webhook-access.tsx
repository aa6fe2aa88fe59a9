import { EmptyState, PageHeader } from "@/app/_components/ui/card";
import { can } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { currentCtx, requireSession } from "@/lib/web/current-actor";

/** Signed-in visitors only; `allowed` when they may manage webhooks somewhere (an organization's owners and managers, admins). */
export async function webhookAccess(path: string): Promise<{ ctx: Ctx; allowed: boolean }> {
  const { actor } = await requireSession(path);
  return { ctx: await currentCtx(), allowed: can(actor, "webhook:manage") };
}

export function ManagersOnly() {
  return (
    <>
      <PageHeader title="Webhooks" />
      <EmptyState title="Owners and managers only">
        Webhooks tell your other systems about your organization&apos;s events. Ask an owner of your organization to make you a manager.
      </EmptyState>
    </>
  );
}
