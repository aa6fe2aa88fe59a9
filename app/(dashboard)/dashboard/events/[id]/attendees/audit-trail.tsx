import { formatPrice, formatUtc } from "@/app/(public)/_components/event-format";
import { bookingStatusWords } from "./booking-status";

export type AuditRow = { at: string; action: string; actorId: string | null; bookingId: string | null; waitlistEntryId: string | null; before: unknown; after: unknown };

type Facts = Record<string, unknown>;

const seats = (n: unknown) => (typeof n === "number" ? `${n} ${n === 1 ? "seat" : "seats"}` : "seats");

/**
 * One sentence per audit row, from the facts it recorded (before/after), so the organizer never
 * reads field names. The event's currency prices a booking's total.
 */
function sentence(row: AuditRow, who: string, currency: string): string {
  const before = (row.before ?? {}) as Facts;
  const after = (row.after ?? {}) as Facts;
  switch (row.action) {
    case "booking.created": {
      const total = typeof after.totalCents === "number" ? ` for ${formatPrice(after.totalCents, currency)}` : "";
      return `${who} booked ${seats(after.quantity)}${total}${after.source === "waitlist" ? " from the waitlist" : ""}.`;
    }
    case "booking.cancelled":
      return `${bookingStatusWords("cancelled", typeof after.cancelledBy === "string" ? after.cancelledBy : null)} (${who}).`;
    case "waitlist.joined":
      return `${who} joined the waitlist for ${seats(after.quantity)}.`;
    case "waitlist.promoted":
      return "Promoted from the waitlist into a booking.";
    case "waitlist.priority_changed":
      return `${who} changed a waitlist priority from ${String(before.priority)} to ${String(after.priority)}.`;
    case "waitlist.left":
      return `${who} removed a waitlist entry.`;
    case "waitlist.closed":
      return "The waitlist closed for an entry.";
    default:
      return `${who}: ${row.action.replaceAll(/[._]/g, " ")}.`;
  }
}

/** Who changed what and when, newest first: the audit trail of the event's bookings and waitlist. */
export function AuditTrail({ rows, names, currency }: { rows: AuditRow[]; names: Map<string, string>; currency: string }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">Nothing has happened yet.</p>;
  return (
    <ol className="divide-y divide-slate-100 text-sm" data-testid="audit-trail">
      {rows.map((row, i) => (
        <li key={`${row.at}-${i}`} className="flex flex-wrap gap-x-4 gap-y-1 py-2">
          <time dateTime={row.at} className="shrink-0 text-slate-500 sm:w-56">
            {formatUtc(new Date(row.at))}
          </time>
          <span className="min-w-0 text-slate-800">{sentence(row, row.actorId ? (names.get(row.actorId) ?? "A deleted user") : "The system", currency)}</span>
        </li>
      ))}
    </ol>
  );
}
