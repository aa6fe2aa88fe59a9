import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/app/_components/ui/alert";
import { Card, EmptyState, PageHeader } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/table";
import { can } from "@/lib/domain/auth";
import { listMyOrganizations } from "@/lib/domain/organizations";
import { listEndpoints } from "@/lib/domain/webhooks";
import { loadFromCursor } from "@/lib/web/list-cursor";
import { CreateWebhookForm } from "./_components/create-webhook-form";
import { eventTypeLabel } from "./_components/event-type-labels";
import { formatInstant } from "./_components/format";
import { ManagersOnly, webhookAccess } from "./_components/webhook-access";

export const metadata: Metadata = { title: "Webhooks" };

type Search = Partial<Record<"cursor" | "deleted", string | string[]>>;

/** The webhook endpoints of the organizations the caller manages webhooks in, and a form to add one; each links to its delivery log. */
export default async function WebhooksPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { ctx, allowed } = await webhookAccess("/dashboard/webhooks");
  if (!allowed) return <ManagersOnly />;
  const search = await searchParams;
  const { page, notice } = await loadFromCursor(search.cursor, (cursor) => listEndpoints({ ctx, input: { cursor, limit: 25 } }));
  const admin = ctx.actor.type === "user" && ctx.actor.role === "admin";
  const actor = ctx.actor;
  const organizations = (await listMyOrganizations({ ctx })).filter((o) => can(actor, "webhook:manage", { organizationId: o.id }));
  const organizationName = new Map(organizations.map((o) => [o.id, o.name]));
  const several = organizations.length > 1;

  return (
    <>
      <PageHeader
        title="Webhooks"
        description={
          admin
            ? "Tell your other systems what happens, as it happens: every event's changes, since you are an admin."
            : "Tell your other systems (a CRM, a spreadsheet, a door scanner) what happens at your organization's events, as it happens. Everyone who manages webhooks in the organization sees these."
        }
      />
      <div className="space-y-6">
        {notice ? <Alert tone="warning">{notice}</Alert> : null}
        {search.deleted ? <Alert tone="success">Webhook deleted. Nothing more is sent to it.</Alert> : null}
        <Card title="Add a webhook">
          <CreateWebhookForm organizations={organizations} />
        </Card>
        {page.data.length === 0 ? (
          <EmptyState title="No webhooks yet">Add one above to start receiving messages.</EmptyState>
        ) : (
          <DataTable columns={several ? ["Address", "Organization", "Sends", "State", "Added"] : ["Address", "Sends", "State", "Added"]} testId="webhooks">
            {page.data.map((w) => (
              <tr key={w.id}>
                <td data-label="Address" className="break-all">
                  <Link href={`/dashboard/webhooks/${w.id}`} className="font-medium text-brand-700 hover:underline">
                    {w.url}
                  </Link>
                </td>
                {several ? <td data-label="Organization">{w.organizationId ? (organizationName.get(w.organizationId) ?? "") : "Every event"}</td> : null}
                <td data-label="Sends">{w.events.map(eventTypeLabel).join(", ")}</td>
                <td data-label="State">
                  {w.enabled ? (w.failingSince ? `Failing since ${formatInstant(w.failingSince)}` : "Active") : "Switched off after three days of failures"}
                </td>
                <td data-label="Added">{formatInstant(w.createdAt)}</td>
              </tr>
            ))}
          </DataTable>
        )}
        {page.nextCursor ? (
          <Link href={`/dashboard/webhooks?cursor=${encodeURIComponent(page.nextCursor)}`} className="text-sm text-brand-700 underline">
            Older webhooks
          </Link>
        ) : null}
      </div>
    </>
  );
}
