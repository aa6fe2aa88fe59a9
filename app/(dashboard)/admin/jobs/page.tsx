import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { KpiCard, KpiGrid } from "@/app/_components/charts/kpi-card";
import { Alert } from "@/app/_components/ui/alert";
import { Card, EmptyState, PageHeader } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/table";
import { can } from "@/lib/domain/auth";
import { utcStamp } from "@/lib/format/utc-stamp";
import { liveWorkers } from "@/lib/jobs/heartbeat";
import { jobsHealth } from "@/lib/jobs/health";
import { countJobs, listJobs, type JobListItem, type JobRunState } from "@/lib/jobs/list-jobs";
import { currentCtx } from "@/lib/web/current-actor";
import { formatAge, formatDue } from "./format-age";
import { RetryButton } from "./retry-button";

export const metadata: Metadata = { title: "Jobs" };
export const dynamic = "force-dynamic";

const PATH = "/admin/jobs";
const LIMIT = 50;

const STATE_STYLES: Record<JobRunState, string> = {
  pending: "bg-sky-50 text-sky-800 ring-sky-200",
  running: "bg-indigo-50 text-indigo-800 ring-indigo-200",
  retrying: "bg-amber-50 text-amber-800 ring-amber-200",
  sleeping: "bg-slate-50 text-slate-700 ring-slate-200",
  dead: "bg-red-50 text-red-800 ring-red-200",
};

function StateBadge({ state }: { state: JobRunState }) {
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${STATE_STYLES[state]}`}>{state}</span>;
}

function Time({ at, children }: { at: Date; children: ReactNode }) {
  return (
    <time dateTime={at.toISOString()} title={`${utcStamp(at)} UTC`}>
      {children}
    </time>
  );
}

function RunsTable({ runs, now, dead }: { runs: JobListItem[]; now: Date; dead: boolean }) {
  return (
    <DataTable
      columns={["State", "Function", "Event", "Attempts", dead ? "Died" : "Next run", "Last error", "Age", ...(dead ? [{ label: "Actions", hidden: true } as const] : [])]}
      compact
      framed={false}
    >
      {runs.map((run) => (
        <tr key={run.id} data-testid="job-run" data-run-id={run.id}>
          <td data-label="State"><StateBadge state={run.state} /></td>
          <td data-label="Function" className="font-mono text-xs">{run.functionId}</td>
          <td data-label="Event" className="font-mono text-xs">{run.eventName || "—"}</td>
          <td data-label="Attempts" className="whitespace-nowrap">{run.attempt} / {run.maxAttempts}</td>
          <td data-label={dead ? "Died" : "Next run"} className="whitespace-nowrap">
            {dead && run.finishedAt ? (
              <Time at={run.finishedAt}>{formatAge(run.finishedAt, now)} ago</Time>
            ) : run.nextRunAt ? (
              <Time at={run.nextRunAt}>{formatDue(run.nextRunAt, now)}</Time>
            ) : (
              "—"
            )}
          </td>
          <td data-label="Last error" className="max-w-md text-xs break-words text-slate-700">{run.lastError ?? "—"}</td>
          <td data-label="Age" className="whitespace-nowrap"><Time at={run.createdAt}>{formatAge(run.createdAt, now)}</Time></td>
          {dead ? (
            <td>
              <RetryButton runId={run.id} label={`${run.functionId} run ${run.id}`} />
            </td>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}

/** Admins: what the background jobs are waiting on, and the runs that died, with a retry for each. */
export default async function AdminJobsPage() {
  const ctx = await currentCtx();
  if (ctx.actor.type !== "user") redirect(`/sign-in?callbackUrl=${encodeURIComponent(PATH)}`);
  if (!can(ctx.actor, "jobs:manage")) notFound();

  const [health, workers, counts, waiting, dead] = await Promise.all([
    jobsHealth(ctx.db),
    liveWorkers(ctx.db),
    countJobs({ ctx }),
    listJobs({ ctx, input: { view: "waiting", limit: LIMIT } }),
    listJobs({ ctx, input: { view: "dead", limit: LIMIT } }),
  ]);
  const now = ctx.now();

  return (
    <>
      <PageHeader title="Jobs" description="Background runs that are waiting or died. Completed runs are history and not listed. Times in UTC on hover." />
      <div className="space-y-6">
        {health.status !== "ok" ? (
          <Alert tone="warning">Jobs are degraded: work is piling up, waiting over a minute, or a run died in the last hour.</Alert>
        ) : null}
        <KpiGrid>
          <KpiCard label="Backlog" value={health.detail.backlog} hint={`oldest waiting ${health.detail.oldestPendingSeconds} s`} testId="jobs-backlog" />
          <KpiCard label="Dead in the last hour" value={health.detail.dead} testId="jobs-dead-recent" />
          <KpiCard
            label="Waiting runs"
            value={counts.pending + counts.running + counts.retrying + counts.sleeping}
            hint={`${counts.pending} pending · ${counts.running} running · ${counts.retrying} retrying · ${counts.sleeping} sleeping`}
            testId="jobs-waiting"
          />
          <KpiCard label="Dead runs" value={counts.dead} hint="kept 30 days for review" testId="jobs-dead" />
        </KpiGrid>

        <Card title="Workers">
          {workers.length === 0 ? (
            <EmptyState title="No jobs worker is running">Jobs wait until one starts: <code>npm start</code> runs one, or <code>npm run worker</code>.</EmptyState>
          ) : (
            <DataTable columns={["Worker", "Host", "Process", "Started", "Last seen"]} compact framed={false}>
              {workers.map((worker) => (
                <tr key={worker.id} data-testid="job-worker">
                  <td data-label="Worker" className="font-mono text-xs">{worker.id}</td>
                  <td data-label="Host">{worker.host}</td>
                  <td data-label="Process" className="font-mono text-xs">{worker.pid}</td>
                  <td data-label="Started" className="whitespace-nowrap"><Time at={worker.startedAt}>{formatAge(worker.startedAt, now)} ago</Time></td>
                  <td data-label="Last seen" className="whitespace-nowrap"><Time at={worker.lastSeenAt}>{formatAge(worker.lastSeenAt, now)} ago</Time></td>
                </tr>
              ))}
            </DataTable>
          )}
        </Card>

        <Card title={`Dead runs${counts.dead > LIMIT ? ` (latest ${LIMIT} of ${counts.dead})` : ""}`}>
          {dead.length === 0 ? (
            <EmptyState title="No dead runs">A run dies when it fails on its last attempt.</EmptyState>
          ) : (
            <RunsTable runs={dead} now={now} dead />
          )}
        </Card>

        <Card title={`Waiting runs${waiting.length === LIMIT ? ` (first ${LIMIT}, due first)` : ""}`}>
          {waiting.length === 0 ? <EmptyState title="Nothing waiting">Every run has finished.</EmptyState> : <RunsTable runs={waiting} now={now} dead={false} />}
        </Card>
      </div>
    </>
  );
}
