import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "@/tests/harness/db";
import { ensureProductionBuild, startApp, type AppProcess } from "@/tests/scale/support/app-server";
import { startTestRedis, type TestRedis } from "@/tests/scale/support/redis-server";
import { book, createSale, ledger, type Sale } from "@/tests/scale/support/sale";

/**
 * Redis dies in the middle of a sale and comes back: bookings never depend on it (Postgres
 * decides), health says `degraded` with the reason while it is gone, and the app closes its
 * circuit by itself once Redis answers again.
 */

type Health = { status: string; checks: { redis: { status: string; detail?: string } }; circuits: Record<string, string>; reasons: string[] };

let redis: TestRedis;
let app: AppProcess;
let sale: Sale;

const health = async (): Promise<Health> => (await fetch(`${app.url}/api/health`)).json() as Promise<Health>;
const seatsAvailable = async () =>
  ((await (await fetch(`${app.url}/api/v1/events/${sale.eventId}`)).json()) as { seatsAvailable: number }).seatsAvailable;

beforeAll(async () => {
  ensureProductionBuild();
  await resetDatabase();
  redis = await startTestRedis();
  app = await startApp({ env: { REDIS_URL: redis.url, RATE_LIMITS: "on" } });
  sale = await createSale({ capacity: 30, buyers: 24 });
}, 600_000);

afterAll(async () => {
  await app?.stop();
  await redis?.stop();
});

describe("Redis outage during a sale", () => {
  it("keeps booking with exact counts, reports degraded while Redis is gone, and recovers by itself", async () => {
    const [first, second, third] = [sale.buyers.slice(0, 8), sale.buyers.slice(8, 16), sale.buyers.slice(16, 24)];

    const before = await Promise.all(first.map((b) => book(app.url, sale.eventId, b)));
    expect(before.map((a) => a.status)).toEqual(first.map(() => 201));
    expect(await seatsAvailable()).toBe(22);
    expect((await health()).status).toBe("ok");

    await redis.kill();
    const during = await Promise.all(second.map((b) => book(app.url, sale.eventId, b)));
    expect(during.map((a) => a.status)).toEqual(second.map(() => 201));
    expect(await seatsAvailable()).toBe(14);

    const degraded = await health();
    expect(degraded.status).toBe("degraded");
    expect(degraded.checks.redis.status).toBe("down");
    expect(degraded.reasons.join(" ")).toMatch(/Redis is unavailable/);
    expect(degraded.circuits.redis).toBe("open");

    await redis.restart();
    await expect.poll(async () => (await health()).status, { timeout: 20_000, interval: 500 }).toBe("ok");
    expect((await health()).circuits.redis).toBe("closed");

    const after = await Promise.all(third.map((b) => book(app.url, sale.eventId, b)));
    expect(after.map((a) => a.status)).toEqual(third.map(() => 201));
    expect(await seatsAvailable()).toBe(6);

    const books = await ledger(sale.eventId);
    expect(books).toMatchObject({ sold: 24, confirmed: 24, seats: 24, items: 24, users: 24 });
  }, 120_000);
});
