/**
 * Links out of an event page: a map search for the venue and "add to calendar" for the big
 * calendar apps. All take UTC instants, which those apps convert to their user's zone exactly.
 */
type CalendarEvent = { title: string; venue: string; startsAt: Date; endsAt: Date };

/** OpenStreetMap's search for the venue text as typed (no geocoding of ours to get wrong). */
export function openStreetMapUrl(venue: string): string {
  return `https://www.openstreetmap.org/search?${new URLSearchParams({ query: venue })}`;
}

/** 20260314T190000Z, the basic ISO form Google's template takes. */
const basicUtc = (at: Date) => at.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

export function googleCalendarUrl(event: CalendarEvent, pageUrl: string): string {
  const params = new URLSearchParams({
    action: "TEMPLATE",
    text: event.title,
    dates: `${basicUtc(event.startsAt)}/${basicUtc(event.endsAt)}`,
    location: event.venue,
    details: pageUrl,
  });
  return `https://calendar.google.com/calendar/render?${params}`;
}

export function outlookCalendarUrl(event: CalendarEvent, pageUrl: string): string {
  const params = new URLSearchParams({
    path: "/calendar/action/compose",
    rru: "addevent",
    subject: event.title,
    startdt: event.startsAt.toISOString(),
    enddt: event.endsAt.toISOString(),
    location: event.venue,
    body: pageUrl,
  });
  return `https://outlook.live.com/calendar/0/deeplink/compose?${params}`;
}
