import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatCount, formatDateTime, formatMoney, formatPercent } from "@/app/_components/charts/format";
import { KpiCard, KpiGrid } from "@/app/_components/charts/kpi-card";
import { SalesChart } from "@/app/_components/charts/sales-chart";
import { buttonClass } from "@/app/_components/ui/button";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { buckets, getDailyAnalytics, getEventAnalytics, listRecentFacts, type Bucket } from "@/lib/domain/analytics";
import { getUsersByIds } from "@/lib/domain/auth";
import { listEventAudit } from "@/lib/domain/bookings";
import { isDomainError } from "@/lib/domain/errors";
import { NoAnalytics } from "../_lib/no-analytics";
import { analyticsViewer } from "../_lib/viewer";
import { AuditTrail } from "../../events/[id]/attendees/audit-trail";

export const metadata: Metadata = { title: "Event analytics" };

const RANGES = [30, 90, 365] as const;
const FACT_LABELS: Record<string, string> = {
  "booking.confirmed": "Booking confirmed",
  "booking.cancelled": "Booking cancelled",
  "waitlist.joined": "Joined the waitlist",
  "waitlist.left": "Left the waitlist",
  "waitlist.promoted": "Promoted from the waitlist",
  "waitlist.closed": "Waitlist closed",
  "event.created": "Event created",
  "event.published": "Event published",
  "event.updated": "Event updated",
  "event.cancelled": "Event cancelled",
};

const STATUS_WORDS: Record<string, string> = {
  draft: "Draft",
  published: "On sale",
  cancelled: "Cancelled",
};

type Search = { days?: string; bucket?: string };

function pick<T extends string | number>(options: readonly T[], raw: string | undefined, fallback: T): T {
  return options.find((o) => String(o) === raw) ?? fallback;
}

/**
 * One event: current totals, its daily sales and its latest audit entries. The facts that last
 * moved its numbers are an internal view, folded away and shown to admins only.
 */
export default async function EventAnalyticsPage({ params, searchParams }: { params: Promise<{ eventId: string }>; searchParams: Promise<Search> }) {
  const { eventId } = await params;
  const search = await searchParams;
  const { ctx, locale, allowed } = await analyticsViewer(`/dashboard/analytics/${eventId}`);
  if (!allowed) return <NoAnalytics title="Event analytics" />;
  const admin = ctx.actor.type === "user" && ctx.actor.role === "admin";
  const days = pick(RANGES, search.days, 30);
  const bucket = pick<Bucket>(buckets, search.bucket, "day");
  const to = ctx.now().toISOString().slice(0, 10);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);

  const loaded = await Promise.all([
    getEventAnalytics({ ctx, input: { eventId } }),
    getDailyAnalytics({ ctx, input: { eventId, from, to, bucket } }),
    admin ? listRecentFacts({ ctx, input: { eventId, limit: 10 } }) : Promise.resolve([]),
    listEventAudit({ ctx, input: { eventId, limit: 10 } }),
  ]).catch((error: unknown) => {
    if (isDomainError(error) && error.kind === "NotFound") notFound();
    throw error;
  });
  const [stats, daily, facts, audit] = loaded;
  const actorIds = [...new Set(audit.flatMap((a) => (a.actorId ? [a.actorId] : [])))];
  const names = new Map((await getUsersByIds({ ctx, input: { ids: actorIds } })).map((u) => [u.id, u.name]));
  const money = (cents: number) => formatMoney(cents, stats.currency, locale);
  const query = (next: Partial<{ days: number; bucket: Bucket }>) => `?days=${next.days ?? days}&bucket=${next.bucket ?? bucket}`;

  return (
    <>
      <PageHeader
        title={stats.title || "Untitled event"}
        description={
          <>
            Analytics
            {stats.status ? ` · ${STATUS_WORDS[stats.status] ?? stats.status}` : ""} · updated {formatDateTime(stats.updatedAt, locale)}
          </>
        }
        actions={
          <>
            <Link href="/dashboard" className={buttonClass("ghost")}>
              Back to dashboard
            </Link>
            <a href={`/dashboard/analytics/daily.csv?eventId=${eventId}&from=${from}&to=${to}&bucket=${bucket}`} className={buttonClass("secondary")} download>
              Export CSV
            </a>
          </>
        }
      />
      <div className="space-y-6">
        <KpiGrid>
          <KpiCard
            label="Seats sold"
            testId="event-seats-sold"
            value={`${formatCount(stats.seatsSold, locale)} / ${formatCount(stats.capacity, locale)}`}
            hint={`${formatPercent(stats.fillRate, locale)} full`}
          />
          <KpiCard label="Net revenue" testId="event-revenue" value={money(stats.netCents)} hint={`${money(stats.grossCents)} sales − ${money(stats.refundsCents)} refunds`} />
          <KpiCard
            label="Bookings"
            testId="event-bookings"
            value={formatCount(stats.bookingsConfirmed, locale)}
            hint={`${formatCount(stats.bookingsCancelled, locale)} cancelled`}
          />
          <KpiCard label="Waitlist" testId="event-waitlist" value={formatCount(stats.waitlistWaiting, locale)} hint="Entries waiting" />
        </KpiGrid>

        <Card
          title="Sales"
          actions={
            <nav aria-label="Chart range" className="flex flex-wrap gap-1 text-xs">
              {RANGES.map((d) => (
                <Link
                  key={d}
                  href={query({ days: d })}
                  aria-current={d === days ? "page" : undefined}
                  className={`rounded px-2 py-1 ${d === days ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-700"}`}
                >
                  {d} days
                </Link>
              ))}
              {buckets.map((b) => (
                <Link
                  key={b}
                  href={query({ bucket: b })}
                  aria-current={b === bucket ? "page" : undefined}
                  className={`rounded px-2 py-1 ${b === bucket ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-700"}`}
                >
                  by {b}
                </Link>
              ))}
            </nav>
          }
        >
          <SalesChart data={daily.data} currency={stats.currency} locale={locale} label={`Seats sold and revenue per ${bucket}, ${from} to ${to} (UTC)`} />
        </Card>

        <Card
          title="Recent bookings and waitlist changes"
          actions={
            <Link href={`/dashboard/events/${eventId}/attendees`} className="text-sm text-brand-700 hover:underline">
              Full audit trail
            </Link>
          }
        >
          <AuditTrail rows={audit} names={names} currency={stats.currency} />
        </Card>

        {admin ? (
          <details className="rounded-xl border border-slate-200 bg-white p-4 text-sm" data-testid="admin-facts">
            <summary className="cursor-pointer font-medium text-slate-700">Admin details: latest updates counted in these numbers</summary>
            {facts.length === 0 ? (
              <p className="mt-2 text-slate-600">Nothing has happened on this event yet.</p>
            ) : (
              <ol className="mt-2 divide-y divide-slate-100">
                {facts.map((f) => (
                  <li key={f.outboxId} className="flex justify-between gap-4 py-2">
                    <span>{FACT_LABELS[f.name] ?? f.name}</span>
                    <time dateTime={f.appliedAt} className="text-slate-500">
                      {formatDateTime(f.appliedAt, locale)}
                    </time>
                  </li>
                ))}
              </ol>
            )}
          </details>
        ) : null}
      </div>
    </>
  );
}
