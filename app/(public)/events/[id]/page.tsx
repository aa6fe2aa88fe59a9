import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { BookingPanel } from "@/app/_components/booking/booking-panel";
import { Alert } from "@/app/_components/ui/alert";
import { ButtonLink } from "@/app/_components/ui/button";
import { can } from "@/lib/domain/auth";
import { getEvent, getOnlineUrl } from "@/lib/domain/events";
import { env } from "@/lib/env";
import { formatEventTime, timeZoneLabel } from "@/lib/format/event-time";
import { currentCtx } from "@/lib/web/current-actor";
import { CoverPicture } from "../../_components/cover-picture";
import { EventDescription } from "../../_components/event-description";
import { priceRangeLabel, seatsLabel } from "../../_components/event-format";
import { eventJsonLd, jsonLdScript } from "../../_components/event-json-ld";
import { openStreetMapUrl } from "../../_components/event-links";
import { EventStatusBadge } from "../../_components/event-status-badge";
import { LocalTime } from "../../_components/local-time";
import { EventActions } from "./event-actions";

type Props = { params: Promise<{ id: string }> };

/** Once per request, shared by the metadata and the page. Seats are exact (never cached). */
const loadEvent = cache(async (id: string) => {
  const ctx = await currentCtx();
  return { event: await getEvent({ ctx, input: { id } }), actor: ctx.actor };
});

/** The description as one plain line for previews: Markdown links keep their text, markup characters go. */
function summary(description: string): string {
  const text = description
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`#>~|]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > 180 ? `${text.slice(0, 177)}…` : text;
}

const pageUrlOf = (id: string) => new URL(`/events/${id}`, env.APP_URL).toString();

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { event } = await loadEvent((await params).id);
  if (!event) return { title: "Event not found" };
  const when = `${formatEventTime(event.startsAt, event.timezone)} · ${event.venue}`;
  const description = summary(event.description) || when;
  return {
    title: event.title,
    description,
    alternates: { canonical: pageUrlOf(event.id) },
    openGraph: {
      title: event.title,
      description: `${when}. ${description}`,
      type: "website",
      siteName: "Evently",
      url: pageUrlOf(event.id),
      images: event.coverImage ? [new URL(event.coverImage.url, env.APP_URL).toString()] : undefined,
    },
    // Drafts are private: keep them out of search engines even if a link leaks.
    robots: event.status === "draft" ? { index: false } : undefined,
  };
}

export default async function EventPage({ params }: Props) {
  const { id } = await params;
  const { event, actor } = await loadEvent(id);
  if (!event) notFound();
  const manageable = can(actor, "event:manage", { organizerId: event.organizerId, organizationId: event.organizationId });
  const pageUrl = pageUrlOf(event.id);
  const onlineUrl = event.isOnline ? await getOnlineUrl({ ctx: await currentCtx(), input: { id: event.id } }) : null;

  return (
    <article className="grid gap-8 lg:grid-cols-[2fr_1fr]">
      {event.status === "draft" ? null : (
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(eventJsonLd(event, pageUrl, summary(event.description))) }} />
      )}
      <div className="space-y-6">
        {event.coverImage ? (
          <CoverPicture cover={event.coverImage} sizes="(min-width: 1024px) 56rem, 100vw" className="aspect-[2/1] w-full rounded-xl object-cover" eager />
        ) : null}
        {event.status === "draft" ? <Alert tone="info">This is a draft: only you and admins can see it until it is published.</Alert> : null}
        {event.status === "cancelled" ? <Alert tone="error">This event was cancelled. Every booking was cancelled and its holder notified.</Alert> : null}
        {event.status === "published" && event.isPast ? <Alert tone="info">This event has ended.</Alert> : null}
        <header className="space-y-2">
          <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">{event.category}</p>
          <h1 className="text-3xl font-bold tracking-tight text-slate-900">{event.title}</h1>
          {/* Draft/Published is the organizer's business; visitors learn the state from the notices above. */}
          {manageable ? <EventStatusBadge event={event} /> : null}
        </header>
        <dl className="grid gap-4 rounded-xl border border-slate-200 bg-white p-5 sm:grid-cols-2">
          <div>
            <dt className="text-xs font-medium uppercase text-slate-500">Starts</dt>
            <dd className="text-sm text-slate-900">
              <time dateTime={event.startsAt.toISOString()} data-testid="starts-at">
                {formatEventTime(event.startsAt, event.timezone)}
              </time>
              <LocalTime iso={event.startsAt.toISOString()} timeZone={event.timezone} />
            </dd>
          </div>
          <div>
            <dt className="text-xs font-medium uppercase text-slate-500">Ends</dt>
            <dd className="text-sm text-slate-900">
              <time dateTime={event.endsAt.toISOString()}>{formatEventTime(event.endsAt, event.timezone)}</time>
              <LocalTime iso={event.endsAt.toISOString()} timeZone={event.timezone} />
            </dd>
          </div>
          <div>
            <dt className="text-xs font-medium uppercase text-slate-500">Venue</dt>
            <dd className="text-sm text-slate-900">
              <a href={openStreetMapUrl(event.venue)} className="underline" target="_blank" rel="noopener noreferrer">
                {event.venue}
                <span className="sr-only"> (map on OpenStreetMap, opens in a new tab)</span>
              </a>
            </dd>
          </div>
          {event.isOnline ? (
            <div className="sm:col-span-2">
              <dt className="text-xs font-medium uppercase text-slate-500">Online</dt>
              <dd className="text-sm text-slate-900" data-testid="online-link">
                {onlineUrl ? (
                  <a href={onlineUrl} className="break-all underline" target="_blank" rel="noopener noreferrer">
                    Join online: {onlineUrl}
                  </a>
                ) : (
                  "Online event — the link is shown to ticket holders."
                )}
              </dd>
            </div>
          ) : null}
          <div>
            <dt className="text-xs font-medium uppercase text-slate-500">Time zone</dt>
            <dd className="text-sm text-slate-900" data-testid="event-time-zone">
              {timeZoneLabel(event.timezone)}
            </dd>
          </div>
          <div>
            <dt className="text-xs font-medium uppercase text-slate-500">Price</dt>
            <dd className="text-sm text-slate-900" data-testid="price">
              {priceRangeLabel(event.ticketTypes.length > 0 ? event.ticketTypes.map((t) => t.priceCents) : [event.priceCents], event.currency)}
              {event.ticketTypes.length > 1 ? ` · ${event.ticketTypes.length} ticket types` : " per ticket"}
            </dd>
          </div>
          <div>
            <dt className="text-xs font-medium uppercase text-slate-500">Availability</dt>
            <dd className="text-sm text-slate-900" data-testid="seats-left">
              {seatsLabel(event.seatsAvailable)} <span className="text-slate-500">of {event.capacity.toLocaleString("en")}</span>
            </dd>
          </div>
          <div>
            <dt className="text-xs font-medium uppercase text-slate-500">Per person</dt>
            <dd className="text-sm text-slate-900">Up to {event.perUserLimit} seats</dd>
          </div>
        </dl>
        {event.status === "draft" ? null : <EventActions event={event} pageUrl={pageUrl} />}
        {event.description ? <EventDescription markdown={event.description} /> : null}
        {manageable && event.status !== "cancelled" ? <ButtonLink href={`/dashboard/events/${event.id}/edit`} variant="secondary">Edit event</ButtonLink> : null}
      </div>
      <aside>
        <BookingPanel eventId={event.id} />
      </aside>
    </article>
  );
}
