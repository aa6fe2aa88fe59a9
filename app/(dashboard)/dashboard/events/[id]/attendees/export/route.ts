import { can, getUsersByIds } from "@/lib/domain/auth";
import { listEventBookings } from "@/lib/domain/bookings";
import { isDomainError } from "@/lib/domain/errors";
import { getEvent, getEventSchedules } from "@/lib/domain/events";
import { DEFAULT_TIME_ZONE, instantToZonedLocal } from "@/lib/format/time-zone";
import { currentCtx } from "@/lib/web/current-actor";

// UTC instants for machines first, then the same times on the event's wall clock with its zone for people.
const COLUMNS = [
  "booking_id",
  "status",
  "attendee_name",
  "attendee_email",
  "seats",
  "total_cents",
  "currency",
  "source",
  "booked_at",
  "cancelled_at",
  "ticket_codes",
  "booked_at_local",
  "cancelled_at_local",
  "time_zone",
];

const wallClock = (iso: string | null, timeZone: string) => (iso ? instantToZonedLocal(new Date(iso), timeZone).replace("T", " ") : null);

/** Quotes a CSV cell; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula. */
function cell(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The attendee list as CSV (owners and finance of the event's organization, admins), streamed page by page so a big
 * event never sits in memory at once. Session cookie auth, like the page that links here.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const ctx = await currentCtx();
  if (ctx.actor.type !== "user") return new Response("Sign in to export attendees.", { status: 401 });
  const event = await getEvent({ ctx, input: { id } });
  if (!event || !can(ctx.actor, "attendees:export", { organizerId: event.organizerId, organizationId: event.organizationId })) return new Response("Not found.", { status: 404 });
  let first;
  try {
    first = await listEventBookings({ ctx, input: { eventId: id, limit: 500 } });
  } catch (error) {
    if (isDomainError(error) && (error.kind === "NotFound" || error.kind === "Forbidden")) return new Response("Not found.", { status: 404 });
    throw error;
  }
  // listEventBookings has checked the caller may manage this event.
  const [schedule] = await getEventSchedules({ ctx, input: { ids: [id] } });
  const timeZone = schedule?.timezone ?? DEFAULT_TIME_ZONE;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(`${COLUMNS.join(",")}\r\n`));
      for (let page = first; ; ) {
        const users = new Map((await getUsersByIds({ ctx, input: { ids: page.data.map((b) => b.userId) } })).map((u) => [u.id, u]));
        const lines = page.data.map((b) =>
          [
            b.id,
            b.status,
            users.get(b.userId)?.name ?? "",
            users.get(b.userId)?.email ?? "",
            b.quantity,
            b.totalCents,
            b.currency,
            b.source,
            b.createdAt,
            b.cancelledAt,
            b.items.map((i) => i.ticketCode).join(" "),
            wallClock(b.createdAt, timeZone),
            wallClock(b.cancelledAt, timeZone),
            timeZone,
          ]
            .map(cell)
            .join(","),
        );
        if (lines.length > 0) controller.enqueue(encoder.encode(`${lines.join("\r\n")}\r\n`));
        if (!page.nextCursor) break;
        page = await listEventBookings({ ctx, input: { eventId: id, limit: 500, cursor: page.nextCursor } });
      }
      controller.close();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="attendees-${id}.csv"`,
      "cache-control": "no-store",
    },
  });
}
