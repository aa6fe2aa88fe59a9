import type { Metadata } from "next";
import Link from "next/link";
import { FillRateChart } from "@/app/_components/charts/fill-rate-chart";
import { formatCount, formatMoney } from "@/app/_components/charts/format";
import { KpiCard, KpiGrid } from "@/app/_components/charts/kpi-card";
import { SalesChart } from "@/app/_components/charts/sales-chart";
import { buttonClass } from "@/app/_components/ui/button";
import { Card, EmptyState, PageHeader } from "@/app/_components/ui/card";
import { currencyOption, getDailyAnalytics, getDashboardOverview, getLeaderboard } from "@/lib/domain/analytics";
import { CurrencyPicker } from "./analytics/_lib/currency-picker";
import { NoAnalytics } from "./analytics/_lib/no-analytics";
import { TopEventsTable } from "./analytics/_lib/top-events-table";
import { analyticsViewer } from "./analytics/_lib/viewer";

export const metadata: Metadata = { title: "Dashboard" };

/**
 * Every number here comes from the analytics tables: no page load ever scans the bookings.
 * Money shows in one currency at a time (`?currency=`, default the one selling most seats).
 */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ currency?: string }> }) {
  const { ctx, locale, allowed } = await analyticsViewer("/dashboard");
  if (!allowed) return <NoAnalytics title="Dashboard" />;
  const asked = currencyOption.safeParse((await searchParams).currency);
  const [overview, daily, board] = await Promise.all([
    getDashboardOverview({ ctx }),
    getDailyAnalytics({ ctx, input: { currency: asked.success ? asked.data : undefined } }),
    getLeaderboard({ ctx, input: { by: "seats", limit: 10 } }),
  ]);
  const currency = daily.currency;
  const money = overview.revenue.find((r) => r.currency === currency) ?? { currency, grossCents: 0, refundsCents: 0, netCents: 0 };

  return (
    <>
      <PageHeader
        title="Dashboard"
        description="Sales across your organizations' events. Days are UTC; numbers trail bookings by a few seconds."
        actions={
          <>
            <CurrencyPicker currencies={daily.currencies} current={currency} />
            <a href={`/dashboard/analytics/daily.csv?from=${daily.from}&to=${daily.to}&currency=${currency}`} className={buttonClass("secondary")} download>
              Export daily CSV
            </a>
          </>
        }
      />
      <div className="space-y-6">
        <KpiGrid>
          <KpiCard
            label="Seats sold today"
            value={formatCount(overview.seatsSoldToday, locale)}
            testId="kpi-seats-today"
            hint={`${formatCount(overview.bookingsToday, locale)} bookings · ${formatCount(overview.cancellationsToday, locale)} cancellations (UTC day)`}
          />
          <KpiCard
            label={`Net revenue (${currency})`}
            testId="kpi-revenue"
            value={formatMoney(money.netCents, currency, locale)}
            hint={`${formatMoney(money.grossCents, currency, locale)} sales − ${formatMoney(money.refundsCents, currency, locale)} refunds · ${formatCount(overview.seatsSold, locale)} seats in confirmed bookings`}
          />
          <KpiCard label="Active events" value={formatCount(overview.activeEvents, locale)} testId="kpi-active-events" hint="Published and not over" />
          <KpiCard label="Waitlist depth" value={formatCount(overview.waitlistWaiting, locale)} testId="kpi-waitlist" hint="Entries waiting for seats" />
        </KpiGrid>

        <Card title="Sales over the last 30 days">
          <SalesChart data={daily.data} currency={currency} locale={locale} label={`Seats sold and cancelled, sales and refunds in ${currency}, per UTC day, last 30 days`} />
          {daily.currencies.length > 1 ? (
            <p className="mt-2 text-xs text-slate-500">Seats count every event; money is in {currency} only. Pick another currency above to see its sales.</p>
          ) : null}
        </Card>

        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="Fill rate of active events">
            {overview.events.length === 0 ? (
              <EmptyState title="No active events">Publish an event to see how fast it fills.</EmptyState>
            ) : (
              <>
                <FillRateChart data={overview.events} locale={locale} label="Share of capacity sold per active event" />
                <ul className="mt-3 flex flex-wrap gap-2 text-xs">
                  {overview.events.map((e) => (
                    <li key={e.eventId}>
                      <Link href={`/dashboard/analytics/${e.eventId}`} className="rounded-full bg-slate-100 px-2 py-1 text-slate-700 hover:bg-slate-200">
                        {e.title || "Untitled event"}
                      </Link>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Card>
          <Card title="Top events by seats sold">
            <TopEventsTable board={board} locale={locale} />
          </Card>
        </div>
      </div>
    </>
  );
}
