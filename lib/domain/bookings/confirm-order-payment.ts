import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { Forbidden, NotFound } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { insertOutboxEvents } from "@/lib/jobs/outbox";
import { countBookingConfirmed } from "@/lib/metrics/domain";
import { recordAudit } from "./audit";
import { resourceColumns } from "./event-resource";
import { confirmedFacts } from "./order-statement";
import { withOrderDetails, type OrderView } from "./order-view";
import { violates } from "./pg-error";
import { retryOnConflict } from "./retry";
import { bookings, eventInventory, type BookingRow } from "./schema";

export const confirmOrderPaymentInput = z.object({
  orderId: z.string(),
  provider: z.string().min(1),
  amountCents: z.number().int().nonnegative(),
  currency: z.string(),
  paidAt: z.coerce.date(),
});

export type PaymentOutcome = "confirmed" | "already_confirmed" | "refund_due";

/** Why a payment could not confirm its order, so the buyer's refund email can say exactly that. */
export type RefundDueReason = "amount_mismatch" | "order_refunded" | "event_cancelled" | "sales_closed" | "seats_taken";

/**
 * A provider says an order was paid (the system acts; idempotent, whatever the order of
 * notifications). An order still holding its seats is confirmed, even a hold that lapsed but
 * was not swept yet: its seats are still its own. An order that expired or was abandoned takes
 * its seats again if they are still free (the same checks as the order statement: event row,
 * type quotas, promo uses, per-user cap) and is confirmed; otherwise it stays as it is, with
 * its payment `succeeded`, and the answer is `refund_due`: never both sold and expired. A
 * payment of another amount or currency is `refund_due` too, the order untouched.
 */
export async function confirmOrderPayment({ ctx, input }: { ctx: Ctx; input: z.input<typeof confirmOrderPaymentInput> }): Promise<{ outcome: PaymentOutcome; order: OrderView; refundDueReason: RefundDueReason | null }> {
  const i = confirmOrderPaymentInput.parse(input);
  if (ctx.actor.type !== "system") throw new Forbidden();
  if (!isUuid(i.orderId)) throw new NotFound("NOT_FOUND", "Order not found.");
  const { outcome, row, why } = await retryOnConflict(() => withTransaction(ctx, (tx) => decide(ctx, tx, i)));
  const [order] = await withOrderDetails(ctx.db, [row]);
  if (outcome === "confirmed") {
    countBookingConfirmed(row.source, row.quantity);
    ctx.log.info({ orderId: row.id, eventId: row.eventId }, "order.confirmed");
  } else if (outcome === "refund_due") {
    ctx.log.warn({ orderId: row.id, eventId: row.eventId, status: row.status, why }, "order.refund_due");
  }
  return { outcome, order: order!, refundDueReason: why ?? null };
}

async function decide(ctx: Ctx, tx: Tx, i: z.output<typeof confirmOrderPaymentInput>): Promise<{ outcome: PaymentOutcome; row: BookingRow; why?: RefundDueReason }> {
  const [row] = await tx.select().from(bookings).where(eq(bookings.id, i.orderId)).for("update");
  if (!row) throw new NotFound("NOT_FOUND", "Order not found.");
  if (row.status === "confirmed") return { outcome: "already_confirmed", row };
  const paid = { paymentProvider: i.provider, paymentStatus: "succeeded" as const, version: sql`${bookings.version} + 1` };
  const refundDue = async (why: RefundDueReason) => {
    const [kept] = await tx.update(bookings).set(paid).where(eq(bookings.id, row.id)).returning();
    return { outcome: "refund_due" as const, row: kept!, why };
  };
  if (i.amountCents !== row.totalCents || i.currency !== row.currency) return refundDue("amount_mismatch");
  if (row.status === "refunded") return refundDue("order_refunded");
  if (row.status !== "awaiting_payment") {
    const retaken = await tx.transaction((sp) => retakeSeats(sp, row)).then(
      () => true,
      (error: unknown) => {
        if (error instanceof SeatsGone || violates(error, "ticket_types_sold_within_capacity") || violates(error, "promo_codes_uses_within_max") || violates(error, "seat_holdings_within_limit")) return false;
        throw error;
      },
    );
    if (!retaken) return refundDue(await whySeatsGone(tx, row.eventId, ctx.now()));
  }
  const [confirmed] = await tx
    .update(bookings)
    .set({ ...paid, status: "confirmed", paidAt: i.paidAt, cancelledAt: null, cancelledBy: null })
    .where(eq(bookings.id, row.id))
    .returning();
  const [inv] = await tx.select(resourceColumns).from(eventInventory).where(eq(eventInventory.eventId, row.eventId));
  await recordAudit(tx, ctx, [
    { eventId: row.eventId, bookingId: row.id, action: "order.paid", before: { status: row.status }, after: { status: "confirmed", provider: i.provider, amountCents: i.amountCents } },
  ]);
  const [view] = await withOrderDetails(tx, [confirmed!]);
  const facts = confirmedFacts(view!, inv!, ctx.now().toISOString());
  await insertOutboxEvents(tx, facts.map((f) => ({ ...f, id: randomUUID(), requestId: ctx.requestId })));
  return { outcome: "confirmed", row: confirmed! };
}

class SeatsGone extends Error {}

/** Which of retakeSeats' conditions failed, in the words the buyer needs. */
async function whySeatsGone(tx: Tx, eventId: string, now: Date): Promise<RefundDueReason> {
  const [inv] = await tx.select({ status: eventInventory.status, endsAt: eventInventory.endsAt }).from(eventInventory).where(eq(eventInventory.eventId, eventId));
  if (inv?.status === "cancelled") return "event_cancelled";
  if (!inv || inv.status !== "published" || inv.endsAt.getTime() <= now.getTime()) return "sales_closed";
  return "seats_taken";
}

/**
 * A late payment's order takes its seats again, in the order statement's lock order and with
 * its checks: the event row only if the seats are free to anyone (not held for the waitlist),
 * then its types and promo code, whose checks refuse a full type or a used-up code, then the
 * buyer's holding. Runs in a savepoint: a refusal undoes all of it.
 */
async function retakeSeats(tx: Tx, row: BookingRow): Promise<void> {
  const taken = await tx.execute(sql`
    update bookings.event_inventory set sold = sold + ${row.quantity}::int
     where event_id = ${row.eventId}::uuid and sold + held + ${row.quantity}::int <= capacity
       and status = 'published' and ends_at > now()
    returning per_user_limit`);
  const perUserLimit = (taken[0] as { per_user_limit: number } | undefined)?.per_user_limit;
  if (perUserLimit === undefined) throw new SeatsGone();
  await tx.execute(sql`
    update bookings.ticket_types t set sold = t.sold + l.quantity
      from bookings.order_lines l
     where l.booking_id = ${row.id}::uuid and t.id = l.ticket_type_id`);
  if (row.promoCodeId) await tx.execute(sql`update bookings.promo_codes set uses = uses + 1 where id = ${row.promoCodeId}::uuid`);
  await tx.execute(sql`
    insert into bookings.seat_holdings as h (event_id, user_id, seats, seat_limit)
    values (${row.eventId}::uuid, ${row.userId}::uuid, ${row.quantity}::int, ${perUserLimit}::int)
    on conflict (event_id, user_id) do update set seats = h.seats + excluded.seats, seat_limit = excluded.seat_limit`);
}
