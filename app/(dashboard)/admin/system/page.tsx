import type { Metadata } from "next";
import { formatCount, formatDateTime, formatMoney, formatPercent } from "@/app/_components/charts/format";
import { KpiCard, KpiGrid } from "@/app/_components/charts/kpi-card";
import { TrendChart } from "@/app/_components/charts/trend-chart";
import { Alert } from "@/app/_components/ui/alert";
import { Card, EmptyState, PageHeader } from "@/app/_components/ui/card";
import { analyticsDrift, getSystemAnalytics, listSystemSnapshots } from "@/lib/domain/analytics";
import { paymentReconciliation, type PaymentMismatchKind } from "@/lib/domain/payments";
import { jobsHealth } from "@/lib/jobs/health";
import { analyticsViewer } from "../../dashboard/analytics/_lib/viewer";
import { requestErrorRate } from "./request-error-rate";

export const metadata: Metadata = { title: "System" };

const MISMATCH_WORDS: Record<PaymentMismatchKind, string> = {
  paid_order_without_payment: "Paid order without a payment",
  payment_without_order: "Payment without an order",
  payment_order_not_confirmed: "Payment for an order that is not confirmed",
  amount_mismatch: "Amounts disagree",
};
export const dynamic = "force-dynamic";

/** Admins: platform totals, job health, request errors, analytics drift and payment reconciliation, with 24 h trends. */
export default async function SystemPage() {
  const { ctx, locale, allowed } = await analyticsViewer("/admin/system", "analytics:system");
  if (!allowed) {
    return (
      <>
        <PageHeader title="System" />
        <EmptyState title="Administrators only">This panel shows platform-wide health.</EmptyState>
      </>
    );
  }
  const [kpis, jobs, drift, payments, snapshots, errors] = await Promise.all([
    getSystemAnalytics({ ctx }),
    jobsHealth(ctx.db),
    analyticsDrift(ctx.db),
    paymentReconciliation(ctx.db),
    listSystemSnapshots({ ctx, input: { hours: 24 } }),
    requestErrorRate(),
  ]);
  const trend = (pick: (s: (typeof snapshots)[number]) => number) => snapshots.map((s) => ({ at: s.capturedAt.toISOString(), value: pick(s) }));

  return (
    <>
      <PageHeader title="System" description="Live totals; trends from the minute snapshots of the last 24 hours (UTC)." />
      <div className="space-y-6">
        {jobs.status !== "ok" ? <Alert tone="warning">Jobs are degraded: work is piling up, waiting too long, or died in the last hour.</Alert> : null}
        {drift && drift.driftEvents > 0 ? (
          <Alert tone="error">
            Analytics disagree with the bookings tables for {formatCount(drift.driftEvents, locale)} event(s) (checked {formatDateTime(drift.checkedAt, locale)}).
          </Alert>
        ) : null}
        {payments && payments.mismatches > 0 ? (
          <Alert tone="error">
            {formatCount(payments.mismatches, locale)} paid order(s) and payment(s) disagree (checked {formatDateTime(payments.checkedAt, locale)}).
          </Alert>
        ) : null}
        <KpiGrid>
          <KpiCard label="Users" value={formatCount(kpis.users, locale)} testId="system-users" />
          <KpiCard label="Events" value={formatCount(kpis.events, locale)} testId="system-events" />
          <KpiCard label="Confirmed bookings" value={formatCount(kpis.bookings, locale)} hint={`${formatCount(kpis.seatsSold, locale)} seats`} testId="system-bookings" />
          <KpiCard
            label="Net revenue"
            value={kpis.revenue.length === 0 ? formatMoney(0, kpis.currency, locale) : kpis.revenue.map((r) => <span key={r.currency} className="block">{formatMoney(r.netCents, r.currency, locale)}</span>)}
            hint="Sales minus refunds, one line per currency (never added together)"
            testId="system-revenue"
          />
          <KpiCard label="Waitlist depth" value={formatCount(kpis.waitlistWaiting, locale)} />
          <KpiCard label="Job backlog" value={formatCount(jobs.detail.backlog, locale)} hint={`oldest waiting ${formatCount(jobs.detail.oldestPendingSeconds, locale)} s`} testId="system-jobs-backlog" />
          <KpiCard label="Dead jobs (last hour)" value={formatCount(jobs.detail.dead, locale)} testId="system-jobs-dead" />
          <KpiCard
            label="Request error rate"
            value={formatPercent(errors.serverErrorRate, locale)}
            hint={`${formatCount(errors.serverErrors, locale)} 5xx · ${formatCount(errors.clientErrors, locale)} 4xx of ${formatCount(errors.total, locale)} API requests since this process started`}
            testId="system-error-rate"
          />
        </KpiGrid>

        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="Job backlog, last 24 h">
            {snapshots.length ? <TrendChart data={trend((s) => s.jobsBacklog)} locale={locale} label="Job backlog" /> : <p className="text-sm text-slate-600">The first snapshot is taken within a minute.</p>}
          </Card>
          <Card title="Seats sold, last 24 h">
            {snapshots.length ? <TrendChart data={trend((s) => s.seatsSold)} locale={locale} label="Seats sold" color="#059669" /> : <p className="text-sm text-slate-600">The first snapshot is taken within a minute.</p>}
          </Card>
        </div>

        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="Analytics reconciliation">
            {drift ? (
              <p className="text-sm text-slate-700" data-testid="system-drift">
                {formatCount(drift.driftEvents, locale)} of {formatCount(drift.eventsChecked, locale)} events disagree with the bookings tables · checked {formatDateTime(drift.checkedAt, locale)}
              </p>
            ) : (
              <p className="text-sm text-slate-600">No reconciliation yet: it runs every five minutes.</p>
            )}
          </Card>
          <Card title="Payment reconciliation">
            {payments ? (
              <div className="space-y-2 text-sm text-slate-700" data-testid="system-payment-reconciliation">
                <p>
                  {formatCount(payments.mismatches, locale)} mismatches among {formatCount(payments.ordersChecked, locale)} paid orders and{" "}
                  {formatCount(payments.paymentsChecked, locale)} succeeded payments · checked {formatDateTime(payments.checkedAt, locale)}
                </p>
                {payments.details.length > 0 ? (
                  <ul className="divide-y divide-slate-100">
                    {payments.details.slice(0, 20).map((m) => (
                      <li key={`${m.kind}:${m.orderId}:${m.paymentId ?? ""}`} className="py-1.5">
                        <span className="font-medium">{MISMATCH_WORDS[m.kind]}</span> · order <code className="break-all">{m.orderId}</code>
                        <span className="block text-slate-600">{m.detail}</span>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
            ) : (
              <p className="text-sm text-slate-600">No payment reconciliation yet: it runs every fifteen minutes.</p>
            )}
          </Card>
          <Card title="Routes answering 5xx">
            {errors.failingRoutes.length === 0 ? (
              <p className="text-sm text-slate-600">None since this process started.</p>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {errors.failingRoutes.map((r) => (
                  <li key={r.route} className="flex justify-between py-1.5">
                    <code className="text-slate-700">{r.route}</code>
                    <span className="tabular-nums">{formatCount(r.serverErrors, locale)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
