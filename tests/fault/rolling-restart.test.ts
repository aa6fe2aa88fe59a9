import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "@/tests/harness/db";
import { ensureProductionBuild, startApp, type AppProcess } from "@/tests/scale/support/app-server";
import { book, confirmedWhileJobsRun, createSale, ledger, mailsByBooking, waitForQuietJobs, type Sale } from "@/tests/scale/support/sale";

/**
 * A rolling restart: the old app (web and worker processes) gets SIGTERM in the middle of a sale
 * while a new one takes over. Graceful shutdown lets every request in flight finish with a real answer and hands the
 * worker's claimed runs back at once, so the new process drains the outbox without waiting for a
 * lease to lapse.
 */

const LEASE_MS = 30_000;

let old: AppProcess | undefined;
let next: AppProcess | undefined;
let sale: Sale;

beforeAll(async () => {
  ensureProductionBuild();
  await resetDatabase();
  sale = await createSale({ capacity: 30, buyers: 50 });
}, 600_000);

afterAll(async () => {
  await old?.stop("SIGKILL");
  await next?.stop();
});

describe("a rolling restart during a sale", () => {
  it("answers every request in flight, hands the jobs over, and loses or doubles nothing", async () => {
    [old, next] = await Promise.all([startApp(), startApp()]);
    const inFlight = sale.buyers.map((b) => book(old!.url, sale.eventId, b));
    // SIGTERM while requests are in flight and the old app's own worker process is mid-run.
    await expect.poll(() => confirmedWhileJobsRun(sale.eventId, old!.worker!.pid), { timeout: 60_000, interval: 10 }).toBeGreaterThanOrEqual(5);
    const exit = old.stop("SIGTERM");
    const first = await Promise.all(inFlight);
    expect(await exit).toBe(143);
    // What the old process answered is a real answer, never a server error.
    expect(first.map((a) => a.status).filter((s) => s !== 201 && s !== 409 && s !== "network")).toEqual([]);
    // A request still queued on a keep-alive connection when the server closed it never reached
    // the app; a client (or load balancer) sends it again, with the same key, to the new process.
    const answers = await Promise.all(first.map((a, i) => (a.status === "network" ? book(next!.url, sale.eventId, sale.buyers[i]!) : a)));
    expect(answers.map((a) => a.status).filter((s) => s !== 201 && s !== 409)).toEqual([]);

    const started = Date.now();
    await waitForQuietJobs(LEASE_MS);
    expect(Date.now() - started, "runs were handed back, not left to lapse").toBeLessThan(LEASE_MS);

    const booked = answers.filter((a) => a.status === 201).map((a) => String(a.body!.id));
    expect(booked).toHaveLength(30);
    expect(await ledger(sale.eventId)).toMatchObject({ sold: 30, confirmed: 30, items: 30, users: 30 });
    const mails = await mailsByBooking("order-confirmed:");
    expect([...mails.keys()].sort()).toEqual([...booked].sort());
  }, 120_000);
});
