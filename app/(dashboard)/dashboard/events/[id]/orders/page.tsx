import type { Metadata } from "next";
import Link from "next/link";
import { formatPrice, formatUtc } from "@/app/(public)/_components/event-format";
import { EmptyState, PageHeader } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/table";
import { getUsersByIds } from "@/lib/domain/auth";
import { listEventOrders } from "@/lib/domain/bookings";
import { loadFromCursor } from "@/lib/web/list-cursor";
import { organizerAccess, OrganizersOnly } from "../../_components/organizer-access";
import { bookingStatusWords } from "../attendees/booking-status";
import { AttendeeTabs, eventSubtitle, managedEvent } from "../attendees/managed-event";

export const metadata: Metadata = { title: "Orders" };

/** Besides the attendee list's words: the states only orders have. */
function orderStatusWords(status: string, cancelledBy: string | null): string {
  if (status === "awaiting_payment") return "Awaiting payment";
  if (status === "expired") return "Expired unpaid";
  if (status === "refunded") return "Refunded";
  return bookingStatusWords(status, cancelledBy);
}

const PAYMENT_WORDS: Record<string, string> = { pending: "Awaiting payment", succeeded: "Paid", failed: "Payment failed", refunded: "Refunded" };

/** The organizer's orders of one event, newest first, each opening its payments and refunds. */
export default async function EventOrdersPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ cursor?: string | string[] }> }) {
  const { id } = await params;
  const { cursor } = await searchParams;
  const { ctx, allowed } = await organizerAccess(`/dashboard/events/${id}/orders`);
  if (!allowed) return <OrganizersOnly title="Orders" />;
  const event = await managedEvent(ctx, id, "order:view");
  const { page } = await loadFromCursor(cursor, (from) => listEventOrders({ ctx, input: { eventId: id, limit: 50, cursor: from } }));
  const users = new Map((await getUsersByIds({ ctx, input: { ids: page.data.map((o) => o.userId) } })).map((u) => [u.id, u]));

  return (
    <>
      <PageHeader title={`Orders · ${event.title}`} description={eventSubtitle(event)} />
      <AttendeeTabs ctx={ctx} event={event} current="orders" />
      {page.data.length === 0 ? (
        <EmptyState title="No orders yet" />
      ) : (
        <DataTable columns={["Order", "Buyer", "Total", "Status", "Payment", "Placed"]} testId="orders">
          {page.data.map((o) => {
            const user = users.get(o.userId);
            return (
              <tr key={o.id}>
                <td data-label="Order">
                  <Link href={`/dashboard/events/${id}/orders/${o.id}`} className="font-mono font-medium text-brand-700 hover:underline">
                    {o.id.slice(0, 8).toUpperCase()}
                  </Link>
                </td>
                <td data-label="Buyer">
                  <div className="font-medium text-slate-900">{user?.name ?? "Unknown user"}</div>
                  <div className="text-xs text-slate-500">{user?.email ?? o.userId}</div>
                </td>
                <td data-label="Total" className="text-slate-700">
                  {o.quantity} · {formatPrice(o.totalCents, o.currency)}
                </td>
                <td data-label="Status" className="text-slate-700">{orderStatusWords(o.status, o.cancelledBy)}</td>
                <td data-label="Payment" className="text-slate-700">{o.payment ? (PAYMENT_WORDS[o.payment.status] ?? o.payment.status) : o.totalCents === 0 ? "Free" : "—"}</td>
                <td data-label="Placed" className="text-slate-700">{formatUtc(new Date(o.createdAt))}</td>
              </tr>
            );
          })}
        </DataTable>
      )}
      {page.nextCursor ? (
        <p className="mt-4">
          <Link href={`/dashboard/events/${id}/orders?cursor=${encodeURIComponent(page.nextCursor)}`} className="text-sm text-brand-700 underline" rel="next">
            Older orders →
          </Link>
        </p>
      ) : null}
    </>
  );
}
