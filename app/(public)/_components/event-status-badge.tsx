import type { Event } from "@/lib/domain/events";

const STYLES = {
  draft: "bg-slate-100 text-slate-700 ring-slate-300",
  published: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  cancelled: "bg-red-50 text-red-800 ring-red-200",
  past: "bg-slate-50 text-slate-500 ring-slate-200",
} as const;

/** Draft, Published, Cancelled, or Past (derived from the end time, never stored). */
export function EventStatusBadge({ event }: { event: Pick<Event, "status" | "isPast"> }) {
  const key = event.status === "published" && event.isPast ? "past" : event.status;
  const label = { draft: "Draft", published: "Published", cancelled: "Cancelled", past: "Past" }[key];
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${STYLES[key]}`}>{label}</span>;
}
