import { sql } from "drizzle-orm";
import { z } from "zod";
import { listOrderEvents, type OrderEvent } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { applyOnce } from "./apply-once";
import { bookingCancelledFact, bookingConfirmedFact, outboxId, paymentRefundedFact, utcDay } from "./facts";
import { requireSystem } from "./require-system";

export const applyBookingFactsInput = z.object({
  facts: z.array(
    z.discriminatedUnion("name", [
      z.object({ outboxId, name: z.literal("booking.confirmed"), fact: bookingConfirmedFact }),
      z.object({ outboxId, name: z.literal("booking.cancelled"), fact: bookingCancelledFact }),
      z.object({ outboxId, name: z.literal("payment.refunded"), fact: paymentRefundedFact }),
    ]),
  ),
});

const COLUMNS = "outbox_id uuid, name text, event_id uuid, organizer_id uuid, currency text, quantity int, total_cents bigint, day date";

type BookingFact = z.infer<typeof applyBookingFactsInput>["facts"][number];

/** What one fact moves: seats and money, and the UTC day it counts on. A refund is filed under its order's event. */
function rowOf(f: BookingFact, orders: Map<string, OrderEvent>) {
  switch (f.name) {
    case "booking.confirmed":
    case "booking.cancelled": {
      const at = f.name === "booking.confirmed" ? f.fact.confirmedAt : f.fact.cancelledAt;
      const { eventId, organizerId, currency, quantity, totalCents } = f.fact;
      return { outbox_id: f.outboxId, name: f.name, event_id: eventId, organizer_id: organizerId, currency, quantity, total_cents: totalCents, day: utcDay(at) };
    }
    case "payment.refunded": {
      const order = orders.get(f.fact.orderId);
      // Bookings made the order before any payment of it: a refund of an order it does not know is a wiring bug, retried until seen.
      if (!order) throw new Error(`Refund ${f.fact.refundId} names order ${f.fact.orderId}, which bookings does not have`);
      const amount = f.fact.ofSale ? f.fact.amountCents : 0;
      return { outbox_id: f.outboxId, name: f.name, event_id: order.eventId, organizer_id: order.organizerId, currency: f.fact.currency, quantity: 0, total_cents: amount, day: utcDay(f.fact.refundedAt) };
    }
  }
}

/**
 * Applies a batch of booking and refund facts in one statement behind the exactly-once gate
 * (applyOnce). A confirmation adds its booking to the event's current totals and its money to
 * gross, on the UTC day it was confirmed; a cancellation takes the seats out of the current
 * totals and counts on the UTC day it happened (the day the booking was made keeps its sale:
 * daily rows are activity). Money leaves only by a refund, each one (partial or not, made by
 * Evently or at the provider) on the day it went back, whether or not the order stands: an
 * event cancelled but not yet refunded still holds its buyers' money. Net (`revenue_cents`) is gross
 * minus refunds, always in the event's one currency. The new facts of the batch are summed per
 * event and per day first, so each stats row is updated once, and rows are taken in key order
 * so two batches never wait on each other in a circle. Returns how many facts were new.
 */
export async function applyBookingFacts({ ctx, input }: { ctx: Ctx; input: z.input<typeof applyBookingFactsInput> }) {
  requireSystem(ctx);
  const { facts } = applyBookingFactsInput.parse(input);
  const now = ctx.now().toISOString();
  const refundedOrders = facts.flatMap((f) => (f.name === "payment.refunded" ? [f.fact.orderId] : []));
  const orders = refundedOrders.length > 0 ? await listOrderEvents({ ctx, input: { orderIds: refundedOrders } }) : [];
  const byId = new Map(orders.map((o) => [o.orderId, o]));
  const rows = facts.map((f) => rowOf(f, byId));
  const confirmed = sql.raw(`name = 'booking.confirmed'`);
  const cancelled = sql.raw(`name = 'booking.cancelled'`);
  const refunded = sql.raw(`name = 'payment.refunded'`);
  const applied = await applyOnce(
    ctx,
    { columns: COLUMNS, facts: rows, now },
    sql`
      stats as (
        insert into analytics.event_stats as s
          (event_id, organizer_id, currency, seats_sold, bookings_confirmed, bookings_cancelled, gross_cents, refunds_cents, revenue_cents, updated_at)
        select event_id, (array_agg(organizer_id))[1], (array_agg(currency))[1],
          sum(case when ${confirmed} then quantity when ${cancelled} then -quantity else 0 end),
          sum(case when ${confirmed} then 1 when ${cancelled} then -1 else 0 end),
          count(*) filter (where ${cancelled}),
          coalesce(sum(total_cents) filter (where ${confirmed}), 0),
          coalesce(sum(total_cents) filter (where ${refunded}), 0),
          sum(case when ${confirmed} then total_cents when ${refunded} then -total_cents else 0 end),
          ${now}::timestamptz
        from fresh group by event_id order by event_id
        on conflict (event_id) do update set
          seats_sold = s.seats_sold + excluded.seats_sold,
          bookings_confirmed = s.bookings_confirmed + excluded.bookings_confirmed,
          bookings_cancelled = s.bookings_cancelled + excluded.bookings_cancelled,
          gross_cents = s.gross_cents + excluded.gross_cents,
          refunds_cents = s.refunds_cents + excluded.refunds_cents,
          revenue_cents = s.revenue_cents + excluded.revenue_cents,
          organizer_id = coalesce(s.organizer_id, excluded.organizer_id),
          updated_at = excluded.updated_at
        returning 1
      ), daily as (
        insert into analytics.daily_stats as d
          (date, event_id, organizer_id, currency, bookings, seats_sold, revenue_cents, cancellations, seats_cancelled, revenue_cancelled_cents, refunds_cents)
        select day, event_id, (array_agg(organizer_id))[1], (array_agg(currency))[1],
          count(*) filter (where ${confirmed}),
          coalesce(sum(quantity) filter (where ${confirmed}), 0),
          coalesce(sum(total_cents) filter (where ${confirmed}), 0),
          count(*) filter (where ${cancelled}),
          coalesce(sum(quantity) filter (where ${cancelled}), 0),
          coalesce(sum(total_cents) filter (where ${cancelled}), 0),
          coalesce(sum(total_cents) filter (where ${refunded}), 0)
        from fresh group by day, event_id order by day, event_id
        on conflict (date, event_id) do update set
          bookings = d.bookings + excluded.bookings,
          seats_sold = d.seats_sold + excluded.seats_sold,
          revenue_cents = d.revenue_cents + excluded.revenue_cents,
          cancellations = d.cancellations + excluded.cancellations,
          seats_cancelled = d.seats_cancelled + excluded.seats_cancelled,
          revenue_cancelled_cents = d.revenue_cancelled_cents + excluded.revenue_cancelled_cents,
          refunds_cents = d.refunds_cents + excluded.refunds_cents,
          organizer_id = coalesce(d.organizer_id, excluded.organizer_id)
        returning 1
      )`,
  );
  if (applied > 0) ctx.log.info({ applied, facts: facts.length }, "analytics.booking_facts_applied");
  return { applied };
}
