import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/app/_components/ui/alert";
import { Card, EmptyState, PageHeader } from "@/app/_components/ui/card";
import { DataTable, RowActions } from "@/app/_components/ui/table";
import { isDomainError } from "@/lib/domain/errors";
import { getEndpoint, listDeliveries, type DeliveryView } from "@/lib/domain/webhooks";
import { loadFromCursor } from "@/lib/web/list-cursor";
import { eventTypeLabel } from "../_components/event-type-labels";
import { formatInstant } from "../_components/format";
import { DeleteWebhookButton, RedeliverButton, SendTestButton } from "../_components/webhook-buttons";
import { ManagersOnly, webhookAccess } from "../_components/webhook-access";

export const metadata: Metadata = { title: "Webhook deliveries" };

const STATUS_TEXT: Record<DeliveryView["status"], string> = {
  pending: "Waiting to send",
  succeeded: "Delivered",
  failed: "Failed, will retry",
  dead: "Gave up",
};

function answer(d: DeliveryView): string {
  if (d.responseStatus !== null) return `HTTP ${d.responseStatus}${d.durationMs !== null ? ` in ${d.durationMs} ms` : ""}`;
  return d.lastError ?? "—";
}

/** One endpoint: its settings, a test-send, delete, and its delivery log with a resend per line. */
export default async function WebhookPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ cursor?: string | string[] }> }) {
  const { ctx, allowed } = await webhookAccess("/dashboard/webhooks");
  if (!allowed) return <ManagersOnly />;
  const { id } = await params;
  const endpoint = await getEndpoint({ ctx, input: { id } }).catch((error: unknown) => {
    if (isDomainError(error) && error.kind === "NotFound") notFound();
    throw error;
  });
  const { cursor } = await searchParams;
  const { page, notice } = await loadFromCursor(cursor, (c) => listDeliveries({ ctx, input: { endpointId: endpoint.id, cursor: c, limit: 50 } }));

  return (
    <>
      <PageHeader
        title="Webhook deliveries"
        description={
          <>
            <span className="break-all">{endpoint.url}</span> · {endpoint.events.map(eventTypeLabel).join(", ")}
          </>
        }
        actions={<Link href="/dashboard/webhooks" className="text-sm text-brand-700 underline">All webhooks</Link>}
      />
      <div className="space-y-6">
        {notice ? <Alert tone="warning">{notice}</Alert> : null}
        {endpoint.enabled ? null : (
          <Alert tone="warning">
            Switched off on {formatInstant(endpoint.disabledAt)} after three days of failed deliveries. Send a test message or send a delivery again to switch it back on.
          </Alert>
        )}
        <Card title="Check it works">
          <div className="flex flex-wrap items-start justify-between gap-4">
            <SendTestButton id={endpoint.id} />
            <DeleteWebhookButton id={endpoint.id} />
          </div>
          <p className="mt-3 text-xs text-slate-500">
            Messages may arrive in any order and more than once: use the time inside each message to order them, and the message id to skip repeats.
          </p>
        </Card>
        {page.data.length === 0 ? (
          <EmptyState title="Nothing sent yet">Messages appear here as soon as something you chose happens, or when you send a test.</EmptyState>
        ) : (
          <DataTable columns={["What", "Result", "Answer", "Tries", "Last try", { label: "Actions", hidden: true }]} testId="deliveries" compact>
            {page.data.map((d) => (
              <tr key={d.id}>
                <td data-label="What">{eventTypeLabel(d.event)}</td>
                <td data-label="Result">{STATUS_TEXT[d.status]}</td>
                <td data-label="Answer">{answer(d)}</td>
                <td data-label="Tries">{d.attempts}</td>
                <td data-label="Last try">
                  {formatInstant(d.lastAttemptAt)}
                  {d.status === "failed" && d.nextAttemptAt ? <span className="block text-xs text-slate-500">Next try {formatInstant(d.nextAttemptAt)}</span> : null}
                </td>
                <td>
                  <RowActions>
                    <RedeliverButton id={endpoint.id} deliveryId={d.id} label={`Send ${eventTypeLabel(d.event).toLowerCase()} again`} />
                  </RowActions>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        {page.nextCursor ? (
          <Link href={`/dashboard/webhooks/${endpoint.id}?cursor=${encodeURIComponent(page.nextCursor)}`} className="text-sm text-brand-700 underline">
            Older deliveries
          </Link>
        ) : null}
      </div>
    </>
  );
}
