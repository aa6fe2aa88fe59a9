import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeOrder } from "@/lib/checkout";
import { getDb } from "@/lib/db/client";
import { confirmOrderPayment } from "@/lib/domain/bookings";
import { userActor } from "@/lib/domain/events/event-fixtures";
import { cancelEvent, createEvent, publishEvent } from "@/lib/domain/events";
import { recordPaymentOutcome } from "@/lib/domain/payments";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { startWorker, type WorkerProcess } from "@/tests/scale/support/app-server";
import { waitForQuietJobs } from "@/tests/scale/support/sale";

/**
 * An event with 300 paid orders is cancelled, and the jobs worker process refunding them is
 * SIGKILLed mid-run, with refunds half made and runs still leased. A new worker takes the runs
 * over once their leases lapse (2 s here). Afterwards every order is refunded exactly once:
 * one refund row each (its idempotency key is the order), one provider refund id each, one
 * `payment.refunded` fact each, and no run dead.
 */

const ORDERS = 300;
const PRICE = 1500;
const LEASE = { JOBS_LEASE_SECONDS: "2" };
// No app process: workers only need the database; APP_URL (links in emails) names a port nobody serves.
const NO_APP_PORT = 1;

const workers: WorkerProcess[] = [];
let eventId: string;
let orderIds: string[];

/** Refunds the provider has made so far, and runs the worker with `pid` holds right now. */
async function progress(pid: number) {
  const [row] = await getDb().execute<{ made: number; running: number }>(sql`
    select (select count(*)::int from payments.refunds where status = 'succeeded') as made,
           (select count(*)::int from platform.job_runs where status = 'running' and locked_by like ${`%:${pid}:%`}) as running`);
  return row!;
}

beforeAll(async () => {
  await resetDatabase();
  const owner = userActor("organizer");
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  const event = await createEvent({
    ctx: testCtx(owner),
    input: { title: "Cancelled gala", venue: "Main hall", startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(), capacity: ORDERS, priceCents: PRICE, currency: "EUR" },
  });
  await publishEvent({ ctx: testCtx(owner), input: { id: event.id } });
  eventId = event.id;
  const ticketTypeId = event.ticketTypes[0]!.id;
  orderIds = [];
  for (let start = 0; start < ORDERS; start += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, ORDERS - start) }, async () => {
        const { order } = await placeOrder({ ctx: testCtx(userActor("attendee")), input: { eventId, items: [{ ticketTypeId, quantity: 1 }], idempotencyKey: randomUUID() } });
        // What the provider's notification does, without the notification: the payment is recorded, then confirms the order.
        await recordPaymentOutcome({ ctx: testCtx(), input: { orderId: order.id, provider: "test", paymentRef: `test_pi_${order.id}`, amountCents: PRICE, currency: "EUR", status: "succeeded", at: new Date() } });
        await confirmOrderPayment({ ctx: testCtx(), input: { orderId: order.id, provider: "test", amountCents: PRICE, currency: "EUR", paidAt: new Date() } });
        return order.id;
      }),
    );
    orderIds.push(...batch);
  }
  // The sale's own aftermath (confirmation mails, analytics) is not what this test is about.
  await getDb().execute(sql`update platform.outbox set dispatched_at = now() where dispatched_at is null`);
  await cancelEvent({ ctx: testCtx(owner), input: { id: eventId } });
}, 300_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop("SIGKILL")));
});

describe("an event cancelled with 300 paid orders, its refunding worker killed", () => {
  it("refunds every order exactly once after a new worker takes over", async () => {
    const [paid] = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from bookings.bookings where event_id = ${eventId} and payment_status = 'succeeded' and paid_at is not null`);
    expect(paid!.n).toBe(ORDERS);

    const doomed = startWorker({ port: NO_APP_PORT, env: LEASE });
    workers.push(doomed);
    await expect
      .poll(async () => {
        const p = await progress(doomed.pid);
        return p.made >= 5 && p.running > 0;
      }, { timeout: 120_000, interval: 10 })
      .toBe(true);
    expect(await doomed.stop("SIGKILL")).toBe("SIGKILL");
    expect((await progress(doomed.pid)).made, "the kill came mid-run").toBeLessThan(ORDERS);

    workers.push(startWorker({ port: NO_APP_PORT, env: LEASE }));
    await waitForQuietJobs(240_000);

    const [orders] = await getDb().execute<{ refunded: number; payment_refunded: number }>(sql`
      select (count(*) filter (where status = 'refunded'))::int as refunded,
             (count(*) filter (where payment_status = 'refunded'))::int as payment_refunded
      from bookings.bookings where event_id = ${eventId}`);
    expect(orders).toEqual({ refunded: ORDERS, payment_refunded: ORDERS });

    const [refunds] = await getDb().execute<{ rows: number; orders: number; succeeded: number; provider_refs: number; amount: number; keys_by_order: number }>(sql`
      select count(*)::int as rows, count(distinct order_id)::int as orders,
             (count(*) filter (where status = 'succeeded'))::int as succeeded,
             count(distinct provider_ref)::int as provider_refs,
             coalesce(sum(amount_cents), 0)::int as amount,
             (count(*) filter (where idempotency_key = 'event-cancelled:' || order_id))::int as keys_by_order
      from payments.refunds`);
    expect(refunds).toEqual({ rows: ORDERS, orders: ORDERS, succeeded: ORDERS, provider_refs: ORDERS, amount: ORDERS * PRICE, keys_by_order: ORDERS });
    const [refundedOrders] = await getDb().execute<{ ids: string[] }>(sql`select array_agg(order_id::text order by order_id) as ids from payments.refunds`);
    expect(refundedOrders!.ids).toEqual([...orderIds].sort());

    const [payments] = await getDb().execute<{ refunded: number }>(sql`select (count(*) filter (where status = 'refunded'))::int as refunded from payments.payments`);
    expect(payments).toEqual({ refunded: ORDERS });
    const [facts] = await getDb().execute<{ n: number; refunds: number }>(sql`
      select count(*)::int as n, count(distinct data->>'refundId')::int as refunds from platform.outbox where name = 'payment.refunded'`);
    expect(facts).toEqual({ n: ORDERS, refunds: ORDERS });
    const [runs] = await getDb().execute<{ dead: number }>(sql`select count(*)::int as dead from platform.job_runs where status = 'dead'`);
    expect(runs).toEqual({ dead: 0 });
  }, 420_000);
});
