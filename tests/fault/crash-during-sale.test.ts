import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { resetDatabase } from "@/tests/harness/db";
import { ensureProductionBuild, startApp, type AppProcess } from "@/tests/scale/support/app-server";
import { book, createSale, ledger, mailsByBooking, seatsAvailable, waitForQuietJobs, type Sale } from "@/tests/scale/support/sale";

/**
 * An app process is SIGKILLed in the middle of a flash sale (requests in flight, job steps
 * running, no chance to clean up) and a fresh one starts on the same database. Clients retry
 * what went unanswered with their idempotency keys. Afterwards every count agrees, the outbox
 * is drained by the new process, and every buyer got exactly one confirmation email.
 *
 * Jobs run in the app's own worker process, which wakes on its poll: a sale this small is over
 * before its first run starts, so the kill comes while requests are in flight, and the worker's
 * runs held at a SIGKILL are worker-killed.test.ts's case.
 */

const CAPACITY = 40;
const BUYERS = 70;

let crashed: AppProcess | undefined;
let restarted: AppProcess | undefined;
let sale: Sale;

beforeAll(async () => {
  ensureProductionBuild();
  await resetDatabase();
  sale = await createSale({ capacity: CAPACITY, buyers: BUYERS });
}, 600_000);

afterAll(async () => {
  await crashed?.stop("SIGKILL");
  await restarted?.stop();
});

describe("an app process killed during a flash sale", () => {
  it("loses nothing and doubles nothing once a new process takes over", async () => {
    crashed = await startApp();
    const inFlight = sale.buyers.map((b) => book(crashed!.url, sale.eventId, b));
    // Kill web and worker with requests in flight: every one must survive the crash.
    await expect.poll(async () => (await ledger(sale.eventId)).confirmed, { timeout: 60_000, interval: 5 }).toBeGreaterThanOrEqual(10);
    expect(await crashed.stop("SIGKILL")).toBe("SIGKILL");
    const firstAnswers = await Promise.all(inFlight);
    expect(firstAnswers.some((a) => a.status === "network"), "some requests were still in flight").toBe(true);

    restarted = await startApp();
    // Every client retries with its key: an unanswered one must not book twice, an answered one
    // must get its booking back.
    const retries = await Promise.all(sale.buyers.map((b) => book(restarted!.url, sale.eventId, b)));

    const booked = new Map<string, string>();
    sale.buyers.forEach((buyer, i) => {
      const [first, retry] = [firstAnswers[i]!, retries[i]!];
      if (first.status === 201) expect(retry.body?.id, "a replay answers the same booking").toBe(first.body?.id);
      expect([201, 409]).toContain(retry.status);
      if (retry.status === 201) booked.set(buyer.userId, String(retry.body!.id));
      else expect(retry.body?.code).toBe("SOLD_OUT");
    });

    await waitForQuietJobs(90_000);
    const books = await ledger(sale.eventId);
    expect(books).toMatchObject({ sold: CAPACITY, confirmed: CAPACITY, seats: CAPACITY, items: CAPACITY, users: CAPACITY });
    expect(await seatsAvailable(restarted.url, sale.eventId)).toBe(0);
    expect(booked.size).toBe(CAPACITY);

    const mails = await mailsByBooking("order-confirmed:");
    expect([...mails.keys()].sort()).toEqual([...booked.values()].sort());
    expect([...mails.values()].every((n) => n === 1)).toBe(true);
    const [perBuyer] = await getDb().execute<{ most: number; buyers: number }>(sql`
      select coalesce(max(n), 0)::int as most, count(*)::int as buyers from (
        select to_address, count(*) as n from platform.mailbox
        where dedupe_key like 'order-confirmed:%' group by to_address) m`);
    expect(perBuyer).toEqual({ most: 1, buyers: CAPACITY });

    const [jobs] = await getDb().execute<{ facts: number; dead: number }>(sql`
      select (select count(*) from platform.outbox where name = 'booking.confirmed')::int as facts,
             (select count(*) from platform.job_runs where status = 'dead')::int as dead`);
    expect(jobs).toEqual({ facts: CAPACITY, dead: 0 });
  }, 240_000);
});
