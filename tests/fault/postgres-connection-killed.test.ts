import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { resetDatabase } from "@/tests/harness/db";
import { ensureProductionBuild, startApp, type AppProcess } from "@/tests/scale/support/app-server";
import { book, createSale, ledger, type Sale } from "@/tests/scale/support/sale";

/**
 * Postgres drops the app's connection in the middle of a booking (pg_terminate_backend on the
 * backend running the booking statement): the request fails cleanly, nothing half-written stays,
 * and the client's retry with the same idempotency key books exactly once.
 */

let app: AppProcess;
let sale: Sale;
/** A connection of the test's own, to hold the seat row while the app's statement waits on it. */
let locker: postgres.Sql;

beforeAll(async () => {
  ensureProductionBuild();
  await resetDatabase();
  app = await startApp();
  sale = await createSale({ capacity: 5, buyers: 1 });
  locker = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
}, 600_000);

afterAll(async () => {
  await locker?.end();
  await app?.stop();
});

describe("a Postgres connection killed mid-booking", () => {
  it("answers a clean 503 problem, leaves no trace, and a retry with the same key books once", async () => {
    const buyer = sale.buyers[0]!;

    // Hold the event's seat row, so the app's booking statement waits on it: the moment to cut.
    const { failed, killed } = await locker.begin(async (tx) => {
      const [me] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
      await tx`select 1 from bookings.event_inventory where event_id = ${sale.eventId} for update`;
      const answer = book(app.url, sale.eventId, buyer);
      let victim: number | undefined;
      for (let i = 0; i < 200 && victim === undefined; i++) {
        const [blocked] = await getDb().execute<{ pid: number }>(
          sql`select pid from pg_stat_activity where ${me!.pid} = any(pg_blocking_pids(pid))`,
        );
        victim = blocked?.pid;
        if (victim === undefined) await new Promise((r) => setTimeout(r, 50));
      }
      expect(victim, "the booking statement never waited on the seat row").toBeDefined();
      const [terminated] = await getDb().execute<{ ok: boolean }>(sql`select pg_terminate_backend(${victim!}) as ok`);
      return { failed: await answer, killed: terminated!.ok };
    });

    expect(killed).toBe(true);
    // A dropped connection is transient: 503 (retry), not 500 (bug).
    expect(failed.status).toBe(503);
    expect(failed.contentType).toMatch(/application\/problem\+json/);
    expect(failed.body).toMatchObject({ status: 503, code: "DATABASE_UNAVAILABLE" });
    expect(JSON.stringify(failed.body)).not.toMatch(/terminat|postgres|administrator/i);

    expect(await ledger(sale.eventId)).toMatchObject({ sold: 0, confirmed: 0, items: 0 });
    const [keys] = await locker<{ n: number }[]>`
      select count(*)::int as n from bookings.idempotency_keys where user_id = ${buyer.userId}`;
    expect(keys!.n).toBe(0);

    const retried = await book(app.url, sale.eventId, buyer);
    expect(retried.status).toBe(201);
    const again = await book(app.url, sale.eventId, buyer);
    expect(again.status).toBe(201);
    expect(again.body!.id).toBe(retried.body!.id);

    expect(await ledger(sale.eventId)).toMatchObject({ sold: 1, confirmed: 1, seats: 1, items: 1 });
  }, 60_000);
});
