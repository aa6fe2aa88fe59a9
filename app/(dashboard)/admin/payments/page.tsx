import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatPrice, formatUtc } from "@/app/(public)/_components/event-format";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/alert";
import { EmptyState, PageHeader } from "@/app/_components/ui/card";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { DataTable } from "@/app/_components/ui/table";
import { can } from "@/lib/domain/auth";
import { isUuid } from "@/lib/domain/ids";
import { listPaymentActivity } from "@/lib/domain/payments";
import { currentCtx, requireSession } from "@/lib/web/current-actor";
import { loadFromCursor } from "@/lib/web/list-cursor";
import { searchParam } from "@/lib/web/search-param";

export const metadata: Metadata = { title: "Payments" };

type Search = Record<"kind" | "status" | "provider" | "order" | "cursor", string | string[] | undefined>;

const STATUSES = { payments: ["pending", "succeeded", "failed", "refunded"], refunds: ["pending", "succeeded", "failed"] } as const;

/** Every payment attempt or refund on the platform, newest first, with the provider's ids and filters. */
export default async function AdminPaymentsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const session = await requireSession("/admin/payments");
  if (!can(session.actor, "payments:admin")) notFound();
  const search = await searchParams;
  const kind = searchParam(search.kind) === "refunds" ? "refunds" : "payments";
  const statusParam = searchParam(search.status);
  const status = (STATUSES[kind] as readonly string[]).includes(statusParam ?? "") ? statusParam : undefined;
  const provider = searchParam(search.provider)?.trim().slice(0, 40) || undefined;
  const orderParam = searchParam(search.order)?.trim();
  const orderId = orderParam && isUuid(orderParam) ? orderParam : undefined;
  const ctx = await currentCtx();
  const { page, notice } = await loadFromCursor(search.cursor, (cursor) => listPaymentActivity({ ctx, input: { kind, status, provider, orderId, cursor, limit: 50 } }));
  const filters = { kind, ...(status ? { status } : {}), ...(provider ? { provider } : {}), ...(orderId ? { order: orderId } : {}) };
  const nextHref = page.nextCursor ? `/admin/payments?${new URLSearchParams({ ...filters, cursor: page.nextCursor })}` : null;

  return (
    <div className="space-y-6">
      <PageHeader title="Payments" description="Payment attempts and refunds across every organizer, newest first, with the provider's own ids." />
      {notice ? <Alert tone="warning">{notice}</Alert> : null}
      {orderParam && !orderId ? <Alert tone="warning">That is not an order id; showing every order.</Alert> : null}
      <form method="get" className="flex flex-wrap items-end gap-3" role="search">
        <SelectField label="Show" name="kind" defaultValue={kind}>
          <option value="payments">Payments</option>
          <option value="refunds">Refunds</option>
        </SelectField>
        <SelectField label="Status" name="status" defaultValue={status ?? ""}>
          <option value="">Any</option>
          {[...new Set([...STATUSES.payments, ...STATUSES.refunds])].map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </SelectField>
        <TextField label="Provider" name="provider" defaultValue={provider ?? ""} placeholder="test, stripe" />
        <div className="min-w-64 flex-1">
          <TextField label="Order id" name="order" defaultValue={orderParam ?? ""} />
        </div>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      {page.data.length === 0 ? (
        <EmptyState title={`No ${kind} match`} />
      ) : page.kind === "payments" ? (
        <DataTable columns={["When", "Order", "Amount", "Status", "Provider", "Provider ref"]} compact testId="admin-payments">
          {page.data.map((p) => (
            <tr key={p.id}>
              <td data-label="When" className="whitespace-nowrap">{formatUtc(new Date(p.createdAt))}</td>
              <td data-label="Order" className="font-mono text-xs"><Link href={`/orders/${p.orderId}`} className="text-brand-700 underline">{p.orderId}</Link></td>
              <td data-label="Amount">{formatPrice(p.amountCents, p.currency)}</td>
              <td data-label="Status">{p.status}{p.failureReason ? <div className="text-xs text-slate-500">{p.failureReason}</div> : null}</td>
              <td data-label="Provider">{p.provider}</td>
              <td data-label="Provider ref" className="font-mono text-xs break-all">{p.providerRef}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <DataTable columns={["When", "Order", "Amount", "Status", "Reason", "Provider", "Provider ref"]} compact testId="admin-refunds">
          {page.data.map((r) => (
            <tr key={r.id}>
              <td data-label="When" className="whitespace-nowrap">{formatUtc(new Date(r.createdAt))}</td>
              <td data-label="Order" className="font-mono text-xs"><Link href={`/orders/${r.orderId}`} className="text-brand-700 underline">{r.orderId}</Link></td>
              <td data-label="Amount">{formatPrice(r.amountCents, r.currency)}{r.returnsOrder ? "" : <div className="text-xs text-slate-500">partial</div>}</td>
              <td data-label="Status">{r.status}</td>
              <td data-label="Reason">{r.reason}</td>
              <td data-label="Provider">{r.provider}</td>
              <td data-label="Provider ref" className="font-mono text-xs break-all">{r.providerRef ?? "—"}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {nextHref ? (
        <Link href={nextHref} className="text-sm text-brand-700 underline">
          Next page →
        </Link>
      ) : null}
    </div>
  );
}
