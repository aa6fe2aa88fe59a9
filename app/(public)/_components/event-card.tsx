import Link from "next/link";
import type { Event } from "@/lib/domain/events";
import { formatEventTime } from "@/lib/format/event-time";
import { CoverPicture } from "./cover-picture";
import { formatPrice, seatsLabel } from "./event-format";

export function EventCard({ event }: { event: Event }) {
  const soldOut = event.seatsAvailable <= 0;
  return (
    <li className="flex flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm transition hover:shadow-md">
      {event.coverImage ? (
        <div className="-mx-5 -mt-5 mb-4 overflow-hidden rounded-t-xl">
          <CoverPicture cover={event.coverImage} sizes="(min-width: 1024px) 24rem, (min-width: 640px) 50vw, 100vw" className="aspect-[2/1] w-full object-cover" />
        </div>
      ) : null}
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
