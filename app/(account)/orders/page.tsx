import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/app/_components/ui/alert";
import { EmptyState, PageHeader } from "@/app/_components/ui/card";
import { listMyOrders } from "@/lib/domain/bookings";
import { getEventsByIds } from "@/lib/domain/events";
import { currentCtx, requireSession } from "@/lib/web/current-actor";
import { loadFromCursor } from "@/lib/web/list-cursor";
import { OrderCard } from "./order-card";

export const metadata: Metadata = { title: "My orders" };

export default async function MyOrdersPage({ searchParams }: { searchParams: Promise<{ cursor?: string | string[] }> }) {
  await requireSession("/orders");
  const { cursor } = await searchParams;
  const ctx = await currentCtx();
  const {
    page: { data, nextCursor },
    notice,
  } = await loadFromCursor(cursor, (from) => listMyOrders({ ctx, input: { limit: 20, cursor: from } }));
  const events = new Map((await getEventsByIds({ ctx, input: { ids: data.map((o) => o.eventId) } })).map((e) => [e.id, e]));
  const now = ctx.now();
  return (
    <>
      <PageHeader
        title="My orders"
        description="Your tickets and checkouts, newest first. Show a ticket's code or QR code at the entrance."
        actions={
          <Link href="/waitlist" className="text-sm text-brand-700 underline">
            My waitlist
          </Link>
        }
      />
      {notice ? <Alert tone="warning">{notice}</Alert> : null}
      {data.length === 0 ? (
        <EmptyState title="No orders yet">
          <Link href="/" className="underline">
            Browse events
          </Link>{" "}
          and get your tickets.
        </EmptyState>
      ) : (
        <div className="space-y-4">
          {data.map((order) => (
            <OrderCard key={order.id} order={order} event={events.get(order.eventId)} now={now} />
          ))}
        </div>
      )}
      {nextCursor ? (
        <p className="mt-6">
          <Link href={`/orders?cursor=${encodeURIComponent(nextCursor)}`} className="text-sm text-brand-700 underline">
            Older orders
          </Link>
        </p>
      ) : null}
    </>
  );
}
