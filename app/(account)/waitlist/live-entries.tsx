"use client";

import Link from "next/link";
import { EntryStatus, LeaveWaitlistButton, useLiveEntries, type LiveEntry } from "@/app/_components/booking/live-position";

/** My waitlist rows, kept current by polling: positions move and promotions appear without a reload. */
export function LiveEntries({ entries, titles }: { entries: LiveEntry[]; titles: Record<string, string> }) {
  const live = useLiveEntries(entries);
  return (
    <ul className="space-y-4">
      {live.map((entry) => (
        <li key={entry.id} className="space-y-2 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="waitlist-entry">
          <h2 className="text-lg font-semibold text-slate-900">
            <Link href={`/events/${entry.eventId}`} className="hover:underline">
              {titles[entry.eventId] ?? "Event"}
            </Link>
          </h2>
          <EntryStatus entry={entry} />
          {entry.status === "waiting" ? <LeaveWaitlistButton entryId={entry.id} eventId={entry.eventId} /> : null}
        </li>
      ))}
    </ul>
  );
}
