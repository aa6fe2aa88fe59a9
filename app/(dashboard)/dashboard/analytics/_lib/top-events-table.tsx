import Link from "next/link";
import { formatCount, formatDateTime, formatMoney, formatPercent } from "@/app/_components/charts/format";
import type { Leaderboard } from "@/lib/domain/analytics";

/** Best events first; a minute-old ranking (the admin's platform-wide one) says when it was taken. */
export function TopEventsTable({ board, locale }: { board: Leaderboard; locale: string }) {
  if (board.data.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        {board.live ? "No events to rank yet." : "No ranking yet: it is rebuilt every minute."}
      </p>
    );
  }
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm" data-testid="top-events">
        <thead className="text-left text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">#</th>
            <th scope="col" className="py-2 pr-4 font-medium">Event</th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">Seats sold</th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">Fill rate</th>
            <th scope="col" className="py-2 text-right font-medium">Revenue</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {board.data.map((e) => (
            <tr key={e.eventId}>
              <td className="py-2 pr-4 text-slate-500">{e.rank}</td>
              <td className="py-2 pr-4">
                <Link href={`/dashboard/analytics/${e.eventId}`} className="font-medium text-brand-700 hover:underline">
                  {e.title || "Untitled event"}
                </Link>
              </td>
              <td className="py-2 pr-4 text-right tabular-nums">
                {formatCount(e.seatsSold, locale)} / {formatCount(e.capacity, locale)}
              </td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatPercent(e.fillRate, locale)}</td>
              <td className="py-2 text-right tabular-nums">{formatMoney(e.revenueCents, e.currency, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {board.refreshedAt ? <p className="mt-3 text-xs text-slate-500">Ranking as of {formatDateTime(board.refreshedAt, locale)}; refreshed every minute.</p> : null}
    </div>
  );
}
