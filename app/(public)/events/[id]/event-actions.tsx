import { googleCalendarUrl, outlookCalendarUrl } from "../../_components/event-links";
import { ShareButton } from "../../_components/share-button";

type Props = {
  event: { id: string; title: string; venue: string; startsAt: Date; endsAt: Date };
  pageUrl: string;
  /** The .ics to offer: an order's own (one calendar entry per order, as its email attached) or the event's. */
  icsHref?: string;
  share?: boolean;
};

const linkClass = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50";

/** Add to calendar (Google, Outlook, or a .ics file for the rest) and share. */
export function EventActions({ event, pageUrl, icsHref = `/events/${event.id}/calendar.ics`, share = true }: Props) {
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="event-actions">
      <span className="text-sm text-slate-600">Add to calendar:</span>
      <a className={linkClass} href={googleCalendarUrl(event, pageUrl)} target="_blank" rel="noopener noreferrer">
        Google
      </a>
      <a className={linkClass} href={outlookCalendarUrl(event, pageUrl)} target="_blank" rel="noopener noreferrer">
        Outlook
      </a>
      <a className={linkClass} href={icsHref} download>
        Apple / .ics
      </a>
      {share ? <ShareButton title={event.title} url={pageUrl} /> : null}
    </div>
  );
}
