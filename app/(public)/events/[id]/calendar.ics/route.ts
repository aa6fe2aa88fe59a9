import { getEvent } from "@/lib/domain/events";
import { env } from "@/lib/env";
import { eventCalendar } from "@/lib/mail/ics";
import { currentCtx } from "@/lib/web/current-actor";

/** "Add to calendar" as a file, for Apple Calendar and anything else that opens .ics. Same visibility as the page. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const event = await getEvent({ ctx: await currentCtx(), input: { id } });
  if (!event) return new Response("Event not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const pageUrl = new URL(`/events/${event.id}`, env.APP_URL).toString();
  const calendar = eventCalendar({
    uid: `event-${event.id}@evently`,
    title: event.title,
    venue: event.venue,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timezone: event.timezone,
    description: pageUrl,
    url: pageUrl,
  });
  return new Response(calendar, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="event-${event.id}.ics"`,
      // A draft's file is private to its organizer; a public one may change on every edit.
      "cache-control": event.status === "draft" ? "private, no-store" : "public, max-age=60",
    },
  });
}
