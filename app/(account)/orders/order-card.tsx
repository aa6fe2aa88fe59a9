import Link from "next/link";
import { formatPrice, formatUtc } from "@/app/(public)/_components/event-format";
import type { OrderView } from "@/lib/domain/bookings";
import { formatEventTime } from "@/lib/format/event-time";
import { holdLapsed, orderStatusWords } from "./order-status";

export type EventFacts = { title: string; venue: string; startsAt: Date; timezone: string };

/** One order in the list: event, what was bought, total, its state in plain words, and the next step. */
export function OrderCard({ order, event, now }: { order: OrderView; event?: EventFacts; now: Date }) {
  const status = orderStatusWords(order, now);
  const awaiting = order.status === "awaiting_payment" && !holdLapsed(order, now);
  return (
    <article className="space-y-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="order-card" data-order-id={order.id}>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h2 className="text-lg font-semibold text-slate-900">
            <Link href={`/events/${order.eventId}`} className="hover:underline">
              {event?.title ?? "Event"}
            </Link>
          </h2>
          {event ? <p className="text-sm text-slate-600">{`${event.venue} · ${formatEventTime(event.startsAt, event.timezone)}`}</p> : null}
        </div>
        <span
          className={`rounded-full px-3 py-1 text-xs font-medium ${status.tone === "good" ? "bg-emerald-100 text-emerald-800" : status.tone === "waiting" ? "bg-amber-100 text-amber-900" : "bg-slate-200 text-slate-700"}`}
          data-testid="order-status"
        >
          {status.label}
        </span>
      </header>
      <p className="text-sm text-slate-700">
        {order.items.map((line) => `${line.quantity} × ${line.name}`).join(", ")} · {formatPrice(order.totalCents, order.currency)}
        {order.source === "waitlist" ? " · from the waitlist" : ""} · ordered {formatUtc(new Date(order.createdAt))}
      </p>
      <footer>
        <Link href={`/orders/${order.id}`} className="text-sm font-medium text-brand-700 underline">
          {awaiting ? "Complete payment" : order.status === "confirmed" ? "Tickets and QR codes" : "Order details"}
        </Link>
      </footer>
    </article>
  );
}
