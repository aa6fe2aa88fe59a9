import Link from "next/link";
import type { Event } from "@/lib/domain/events";
import { formatEventTime } from "@/lib/format/event-time";
import { formatPrice, seatsLabel } from "./event-format";

export function EventCard({ event }: { event: Event }) {
  const soldOut = event.seatsAvailable <= 0;
  return (
    <li className="flex flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm transition hover:shadow-md">
      <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">{event.category}</p>
      <h2 className="mt-1 text-lg font-semibold text-slate-900">
        <Link href={`/events/${event.id}`} className="hover:underline">
          {event.title}
        </Link>
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        <time dateTime={event.startsAt.toISOString()}>{formatEventTime(event.startsAt, event.timezone)}</time>
      </p>
      <p className="text-sm text-slate-600">{event.venue}</p>
      <div className="mt-auto flex items-center justify-between pt-4 text-sm">
        <span className="font-medium text-slate-900">{formatPrice(event.priceCents, event.currency)}</span>
        <span className={soldOut ? "font-medium text-red-700" : "text-slate-600"}>{seatsLabel(event.seatsAvailable)}</span>
      </div>
    </li>
  );
}
