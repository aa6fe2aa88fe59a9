import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { findAnalyticsDrift } from "@/lib/domain/analytics";
import { testCtx } from "@/tests/harness/db";
import { startWorker, type AppProcess, type WorkerProcess } from "@/tests/scale/support/app-server";
import { book, ledger, startSaleWithoutWorker, waitForQuietJobs, type Sale } from "@/tests/scale/support/sale";

/**
 * The jobs worker process is SIGKILLed in the middle of draining a sale's aftermath (every
 * booking's confirmation email and analytics facts waiting), with steps running and no chance to
 * hand anything back. A new worker takes the runs over once their leases lapse (2 s here).
 * Afterwards every buyer has exactly one confirmation and analytics agree with the bookings.
 */

const SEATS = 120;
const LEASE = { JOBS_LEASE_SECONDS: "2" };

let app: AppProcess | undefined;
const workers: WorkerProcess[] = [];
let sale: Sale;

/** Confirmations delivered, and runs the worker with `pid` holds right now. */
async function progress(pid: number) {
  const [row] = await getDb().execute<{ mails: number; running: number }>(sql`
    select (select count(*)::int from platform.mailbox where dedupe_key like 'order-confirmed:%') as mails,
           (select count(*)::int from platform.job_runs where status = 'running' and locked_by like ${`%:${pid}:%`}) as running`);
  return row!;
}

beforeAll(async () => {
  ({ app, sale } = await startSaleWithoutWorker(SEATS));
}, 600_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop("SIGKILL")));
  await app?.stop();
});

describe("a jobs worker process killed mid-drain", () => {
  it("loses and doubles no email and no analytics fact once a new worker takes over", async () => {
    const answers = await Promise.all(sale.buyers.map((b) => book(app!.url, sale.eventId, b)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(SEATS);

    const doomed = startWorker({ port: app!.port, env: LEASE });
    workers.push(doomed);
    await expect
      .poll(async () => {
        const p = await progress(doomed.pid);
        return p.mails >= 5 && p.running > 0;
      }, { timeout: 60_000, interval: 10 })
      .toBe(true);
    expect(await doomed.stop("SIGKILL")).toBe("SIGKILL");
    expect((await progress(doomed.pid)).mails, "the kill came mid-drain").toBeLessThan(SEATS);

    workers.push(startWorker({ port: app!.port, env: LEASE }));
    await waitForQuietJobs(120_000);

    expect(await ledger(sale.eventId)).toMatchObject({ sold: SEATS, confirmed: SEATS, seats: SEATS });
    const booked = answers.map((a) => String(a.body!.id)).sort();
    const [mail] = await getDb().execute<{ rows: number; sent: number; bookings: string[]; most_per_buyer: number; buyers: number }>(sql`
      select count(*)::int as rows, (count(*) filter (where sent_at is not null))::int as sent,
             array_agg(substr(dedupe_key, length('order-confirmed:') + 1) order by dedupe_key) as bookings,
             (select max(n)::int from (select count(*) as n from platform.mailbox
               where dedupe_key like 'order-confirmed:%' group by to_address) m) as most_per_buyer,
             count(distinct to_address)::int as buyers
      from platform.mailbox where dedupe_key like 'order-confirmed:%'`);
    expect(mail).toMatchObject({ rows: SEATS, sent: SEATS, most_per_buyer: 1, buyers: SEATS });
    expect([...mail!.bookings].sort()).toEqual(booked);

    const [stats] = await getDb().execute<{ seats_sold: number; bookings_confirmed: number }>(
      sql`select seats_sold, bookings_confirmed from analytics.event_stats where event_id = ${sale.eventId}`,
    );
    expect(stats).toEqual({ seats_sold: SEATS, bookings_confirmed: SEATS });
    const drift = await findAnalyticsDrift({ ctx: testCtx(), input: { eventIds: [sale.eventId], days: 2 } });
    expect(drift).toMatchObject({ eventsChecked: 1, driftEvents: 0 });

    const [runs] = await getDb().execute<{ dead: number }>(sql`select count(*)::int as dead from platform.job_runs where status = 'dead'`);
    expect(runs).toEqual({ dead: 0 });
  }, 240_000);
});
