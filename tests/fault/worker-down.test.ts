import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorker, type AppProcess, type WorkerProcess } from "@/tests/scale/support/app-server";
import { book, ledger, mailsByBooking, startSaleWithoutWorker, waitForQuietJobs, type Sale } from "@/tests/scale/support/sale";

/**
 * The jobs worker process is down (crashed, not yet deployed, scaled to zero). The web process
 * keeps taking bookings, and its health says degraded and why: no worker has been seen while
 * work waits. Once a worker process starts, the backlog drains and health is ok again.
 */

const SEATS = 20;

let app: AppProcess | undefined;
let worker: WorkerProcess | undefined;
let sale: Sale;

type Health = { status: string; reasons: string[]; checks: { workers: { status: string; detail: { live: number; waiting: number } } } };
const health = async (): Promise<Health> => (await (await fetch(`${app!.url}/api/health`)).json()) as Health;

beforeAll(async () => {
  ({ app, sale } = await startSaleWithoutWorker(SEATS));
}, 600_000);

afterAll(async () => {
  await worker?.stop("SIGKILL");
  await app?.stop();
});

describe("the web process with its jobs worker down", () => {
  it("serves bookings, says degraded because no worker runs the waiting jobs, and recovers once a worker starts", async () => {
    const answers = await Promise.all(sale.buyers.map((b) => book(app!.url, sale.eventId, b)));
    expect(answers.map((a) => a.status)).toEqual(Array<number>(SEATS).fill(201));
    expect(await ledger(sale.eventId)).toMatchObject({ sold: SEATS, confirmed: SEATS });

    const down = await health();
    expect(down.status).toBe("degraded");
    expect(down.checks.workers).toMatchObject({ status: "degraded", detail: { live: 0 } });
    expect(down.checks.workers.detail.waiting).toBeGreaterThanOrEqual(SEATS);
    expect(down.reasons).toContainEqual(expect.stringMatching(/^No jobs worker has been seen while \d+ jobs wait/));
    expect((await mailsByBooking("order-confirmed:")).size, "nothing ran the jobs").toBe(0);

    worker = startWorker({ port: app!.port });
    await waitForQuietJobs(90_000);
    const booked = answers.map((a) => String(a.body!.id));
    expect([...(await mailsByBooking("order-confirmed:")).keys()].sort()).toEqual(booked.sort());
    await expect.poll(async () => (await health()).status, { timeout: 10_000 }).toBe("ok");
    expect((await health()).checks.workers).toMatchObject({ status: "ok", detail: { live: 1, waiting: 0 } });
  }, 180_000);
});
