import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { Forbidden } from "@/lib/domain/errors";
import { insertOutboxEvents } from "@/lib/jobs/outbox";
import { recordAudit } from "./audit";
import { releaseSeats } from "./release-seats";
import { retryOnConflict } from "./retry";
import type { BookingRow } from "./schema";

export const expireOrdersInput = z.object({
  eventId: z.uuid().optional(),
  limit: z.number().int().min(1).max(1000).default(200),
});

/**
 * Marks unpaid orders whose hold lapsed `expired` (the system's job, run within seconds of
 * `expiresAt` and as a safety net every minute): their seats go back to their types and the
 * event (held for the waitlist when someone waits, which `seats.released` then serves), their
 * promo code uses back, and `order.expired` tells the buyer. Until this runs, availability
 * already leaves lapsed holds out.
 */
export async function expireOrders({ ctx, input }: { ctx: Ctx; input: z.input<typeof expireOrdersInput> }) {
  const i = expireOrdersInput.parse(input);
  if (ctx.actor.type !== "system") throw new Forbidden();
  return sweepLapsedHolds(ctx, i.eventId ?? null, i.limit);
}

/**
 * The sweep itself, also run by a buyer's order that found no seats: one transaction per
 * event, each locking its lapsed orders before the event row. It waits for whoever holds one
 * (another sweep, a payment, a cancel) rather than skipping it, so a buyer's sweep returns only
 * once the seats a concurrent sweep frees are back; an order decided meanwhile is left alone.
 */
export async function sweepLapsedHolds(ctx: Ctx, eventId: string | null, limit: number): Promise<{ expired: number }> {
  const at = ctx.now();
  // One indexed look first: a sold-out rush sweeps often and usually finds nothing to expire.
  const events = (
    await ctx.db.execute<{ event_id: string }>(sql`
      select distinct event_id from bookings.bookings
       where status = 'awaiting_payment' and expires_at <= ${at.toISOString()}::timestamptz
         and (${eventId}::uuid is null or event_id = ${eventId}::uuid)
       limit ${limit}`)
  ).map((r) => r.event_id);
  let expired = 0;
  for (const id of events) {
    if (expired >= limit) break;
    expired += await retryOnConflict(() => withTransaction(ctx, (tx) => expireEventHolds(ctx, tx, id, at, limit - expired)));
  }
  if (expired > 0) ctx.log.info({ eventId, expired }, "order.expired");
  return { expired };
}

async function expireEventHolds(ctx: Ctx, tx: Tx, eventId: string, at: Date, limit: number): Promise<number> {
  const rows = (await tx.execute(sql`
    update bookings.bookings b
       set status = 'expired', version = b.version + 1
     where b.id in (
       select id from bookings.bookings
        where event_id = ${eventId}::uuid and status = 'awaiting_payment' and expires_at <= ${at.toISOString()}::timestamptz
        order by expires_at limit ${limit}
        for update)
    returning b.id, b.event_id as "eventId", b.user_id as "userId", b.quantity, b.total_cents as "totalCents", b.currency,
              b.promo_code_id as "promoCodeId", b.source`)) as unknown as (Pick<BookingRow, "id" | "eventId" | "userId" | "quantity" | "totalCents" | "currency" | "promoCodeId" | "source">)[];
  if (rows.length === 0) return 0;
  const seats = await releaseSeats(tx, eventId, rows);
  const [inv] = await tx.execute<{ organizer_id: string }>(sql`select organizer_id from bookings.event_inventory where event_id = ${eventId}::uuid`);
  await recordAudit(
    tx,
    ctx,
    rows.map((r) => ({ eventId, bookingId: r.id, action: "order.expired" as const, before: { status: "awaiting_payment" }, after: { status: "expired" } })),
  );
  await insertOutboxEvents(tx, [
    ...rows.map((r) => ({
      id: randomUUID(),
      name: "order.expired",
      requestId: ctx.requestId,
      data: {
        orderId: r.id,
        eventId,
        userId: r.userId,
        organizerId: inv!.organizer_id,
        quantity: r.quantity,
        totalCents: r.totalCents,
        currency: r.currency,
        expiredAt: at.toISOString(),
        source: r.source,
      },
    })),
    { id: randomUUID(), name: "seats.released", requestId: ctx.requestId, data: { eventId, quantity: seats } },
  ]);
  return rows.length;
}
