import { formatUtc } from "@/app/(public)/_components/event-format";

const ACTIONS: Record<string, string> = {
  "booking.created": "Booked",
  "booking.cancelled": "Cancelled",
  "waitlist.joined": "Joined waitlist",
  "waitlist.promoted": "Promoted from waitlist",
  "waitlist.priority_changed": "Priority changed",
  "waitlist.left": "Left waitlist",
  "waitlist.closed": "Waitlist closed",
};

export type AuditRow = { at: string; action: string; actorId: string | null; bookingId: string | null; waitlistEntryId: string | null; before: unknown; after: unknown };

function change(before: unknown, after: unknown): string {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  return Object.keys(a)
    .filter((k) => k !== "version" && JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => (k in b ? `${k}: ${String(b[k])} → ${String(a[k])}` : `${k}: ${String(a[k])}`))
    .join(", ");
}

/** Who changed what and when, newest first: the audit trail of the event's bookings and waitlist. */
export function AuditTrail({ rows, names }: { rows: AuditRow[]; names: Map<string, string> }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">Nothing has happened yet.</p>;
  return (
    <ol className="divide-y divide-slate-100 text-sm" data-testid="audit-trail">
      {rows.map((row, i) => (
        <li key={`${row.at}-${i}`} className="flex flex-wrap gap-x-4 gap-y-1 py-2">
          <time dateTime={row.at} className="w-56 shrink-0 text-slate-500">
            {formatUtc(new Date(row.at))}
          </time>
          <span className="w-44 shrink-0 font-medium text-slate-900">{ACTIONS[row.action] ?? row.action}</span>
          <span className="text-slate-700">
            by {row.actorId ? (names.get(row.actorId) ?? row.actorId) : "the system"}
            {row.bookingId ? ` · booking ${row.bookingId.slice(0, 8)}` : ""}
            {change(row.before, row.after) ? ` · ${change(row.before, row.after)}` : ""}
          </span>
        </li>
      ))}
    </ol>
  );
}
