import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatPrice, formatUtc } from "@/app/(public)/_components/event-format";
import { OrderPaymentsPanel } from "@/app/(account)/orders/order-payments";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { getOrderPayments } from "@/lib/checkout";
import { can, getUsersByIds } from "@/lib/domain/auth";
import { isDomainError } from "@/lib/domain/errors";
import { organizerAccess, OrganizersOnly } from "../../../_components/organizer-access";
import { eventSubtitle, managedEvent } from "../../attendees/managed-event";
import { RefundForm } from "./refund-form";

export const metadata: Metadata = { title: "Order" };

type Props = { params: Promise<{ id: string; orderId: string }> };

/** One order as its organizer sees it: buyer, lines, payments and refunds, and the refund form while money is left to give back. */
export default async function EventOrderPage({ params }: Props) {
  const { id, orderId } = await params;
  const { ctx, allowed } = await organizerAccess(`/dashboard/events/${id}/orders/${orderId}`);
  if (!allowed) return <OrganizersOnly title="Order" />;
  const event = await managedEvent(ctx, id, "order:view");
  const money = await getOrderPayments({ ctx, input: { orderId, as: "organizer" } }).catch((error: unknown) => {
    if (isDomainError(error) && (error.kind === "NotFound" || error.kind === "Forbidden")) notFound();
    throw error;
  });
  const { order } = money;
  if (order.eventId !== event.id) notFound();
  const [buyer] = await getUsersByIds({ ctx, input: { ids: [order.userId] } });
  const left = money.paidCents - money.refundedCents - money.pendingRefundCents;
  const refundable = order.status === "confirmed" && order.payment?.status === "succeeded" && left > 0 && can(ctx.actor, "order:refund", { organizerId: event.organizerId, organizationId: event.organizationId });

  return (
    <>
      <PageHeader
        title={`Order ${order.id.slice(0, 8).toUpperCase()}`}
        description={`${event.title} · ${eventSubtitle(event)}`}
        actions={
          <Link href={`/dashboard/events/${id}/orders`} className="text-sm text-brand-700 underline">
            All orders
          </Link>
        }
      />
      <div className="grid max-w-4xl gap-6 lg:grid-cols-2">
        <Card title="Order">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="organizer-order">
            <dt className="text-slate-600">Buyer</dt>
            <dd>
              {buyer?.name ?? "Unknown user"} {buyer ? <span className="text-slate-500">({buyer.email})</span> : null}
            </dd>
            <dt className="text-slate-600">Status</dt>
            <dd data-testid="organizer-order-status">{order.status.replace("_", " ")}</dd>
            <dt className="text-slate-600">Placed</dt>
            <dd>{formatUtc(new Date(order.createdAt))}</dd>
            {order.items.map((line) => (
              <div key={line.ticketTypeId} className="contents">
                <dt className="text-slate-600">{line.name}</dt>
                <dd>
                  {line.quantity} × {formatPrice(line.unitPriceCents, order.currency)}
                </dd>
              </div>
            ))}
            <dt className="text-slate-600">Total</dt>
            <dd>{formatPrice(order.totalCents, order.currency)}</dd>
            <dt className="text-slate-600">Tickets</dt>
            <dd className="font-mono text-xs">{order.tickets.map((t) => t.ticketCode).join(" ") || "—"}</dd>
          </dl>
        </Card>
        <div className="space-y-6">
          <OrderPaymentsPanel money={money} timeZone={event.timezone} receiptHref={null} />
          {refundable ? (
            <Card title="Refund">
              <RefundForm orderId={order.id} eventId={id} currency={order.currency} leftLabel={formatPrice(left, order.currency)} />
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
