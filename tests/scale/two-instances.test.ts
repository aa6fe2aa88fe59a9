import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { functions } from "@/inngest/functions";
import { getDb } from "@/lib/db/client";
import { buildRegistry } from "@/lib/jobs/registry";
import { resetDatabase } from "@/tests/harness/db";
import { ensureProductionBuild, startApp, type AppProcess } from "./support/app-server";
import { startTestRedis, type TestRedis } from "./support/redis-server";
import { book, createSale, ledger, mailsByBooking, seatsAvailable, waitForQuietJobs, type Answer } from "./support/sale";

/**
 * Scale-out: two `next start` processes on one database and one Redis, each with its own jobs
 * worker, share a flash sale. Postgres decides seats and idempotency, Redis carries the shared
 * rate limits, and the two workers share the outbox (FOR UPDATE SKIP LOCKED claims).
 */

const USER_LIMIT_PER_MINUTE = 5;

let redis: TestRedis;
let apps: AppProcess[] = [];

beforeAll(async () => {
  ensureProductionBuild();
  await resetDatabase();
  redis = await startTestRedis();
  const env = { REDIS_URL: redis.url, RATE_LIMITS: "on", RATE_LIMIT_BOOKING_USER_PER_MINUTE: String(USER_LIMIT_PER_MINUTE) };
  apps = await Promise.all([startApp({ env }), startApp({ env })]);
}, 600_000);

afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop()));
  await redis?.stop();
});

describe("two app instances on one database and Redis", () => {
  it("sell exactly the capacity, book each idempotency key once across both, and run every job once", async () => {
    const [a, b] = apps as [AppProcess, AppProcess];
    const sale = await createSale({ capacity: 40, buyers: 100 });
    const twice = sale.buyers.slice(0, 20);

    // Every buyer to one instance, alternating; the first 20 also submit the same key to the other.
    const answers = await Promise.all([
      ...sale.buyers.map((buyer, i) => book((i % 2 === 0 ? a : b).url, sale.eventId, buyer)),
      ...twice.map((buyer, i) => book((i % 2 === 0 ? b : a).url, sale.eventId, buyer)),
    ]);
    const [single, duplicate] = [answers.slice(0, 100), answers.slice(100)];

    // A request racing another with its key waits for that one and answers the same (API.md allows
    // 409 IDEMPOTENCY_KEY_IN_PROGRESS instead, but no code path answers it): a seat or SOLD_OUT, twice alike.
    const answered = (x: Answer) => (x.status === 201 ? `201 ${String(x.body?.id)}` : `${x.status} ${String(x.body?.code)}`);
    expect(answers.filter((x) => x.status !== 201 && !(x.status === 409 && x.body?.code === "SOLD_OUT")).map(answered)).toEqual([]);
    expect(duplicate.map(answered)).toEqual(single.slice(0, twice.length).map(answered));
    const bookingIds = new Set(answers.filter((x) => x.status === 201).map((x) => String(x.body!.id)));
    expect(bookingIds.size).toBe(40);
    expect(await ledger(sale.eventId)).toMatchObject({ sold: 40, confirmed: 40, seats: 40, items: 40, users: 40 });
    // Neither instance may keep showing seats from before the sale (the event cache is shared through Redis).
    expect([await seatsAvailable(a.url, sale.eventId), await seatsAvailable(b.url, sale.eventId)]).toEqual([0, 0]);

    await waitForQuietJobs(60_000);
    const perFact = buildRegistry("evently", functions).triggeredBy("booking.confirmed").length;
    const runs = await getDb().execute<{ runs: number; completed: number }>(sql`
      select count(r.id)::int as runs, (count(r.id) filter (where r.status = 'completed'))::int as completed
      from platform.outbox o left join platform.job_runs r
        -- A batched function (analytics) takes the fact inside one run's events instead.
        on r.outbox_id = o.id or r.events @> jsonb_build_array(jsonb_build_object('id', o.id::text))
      where o.name = 'booking.confirmed' and o.data->>'eventId' = ${sale.eventId}
      group by o.id`);
    expect(runs).toHaveLength(40);
    expect(runs.every((r) => r.runs === perFact && r.completed === perFact)).toBe(true);

    const mails = await mailsByBooking("order-confirmed:");
    expect([...mails.keys()].sort()).toEqual([...bookingIds].sort());
    expect([...mails.values()].every((n) => n === 1)).toBe(true);
  }, 180_000);

  it("share one rate limit through Redis, whichever instance a request reaches", async () => {
    const [a, b] = apps as [AppProcess, AppProcess];
    const { eventId, buyers } = await createSale({ capacity: 100, buyers: 1 });
    const buyer = buyers[0]!;

    const answers: Answer[] = [];
    for (let i = 0; i < 8; i++) answers.push(await book((i % 2 === 0 ? a : b).url, eventId, { ...buyer, key: randomUUID() }));

    expect(answers.filter((x) => x.status === 201)).toHaveLength(USER_LIMIT_PER_MINUTE);
    expect(answers.filter((x) => x.status === 429)).toHaveLength(8 - USER_LIMIT_PER_MINUTE);
  }, 60_000);
});
