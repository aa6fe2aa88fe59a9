import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import { authorize } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { insertOutboxEvents } from "@/lib/jobs/outbox";
import { countBookingCancelled } from "@/lib/metrics/domain";
import { recordAudit } from "./audit";
import { releaseSeats } from "./release-seats";
import { retryOnConflict } from "./retry";
import { bookings, eventInventory, type EventInventory } from "./schema";

export const cancelEventBookingsInput = z.object({
  eventId: z.uuid(),
  batchSize: z.number().int().min(1).max(500).default(250),
  /** Batches (each its own transaction) before handing back, so a caller's step stays short. */
  maxBatches: z.number().int().min(1).max(100).default(10),
  /** No new batch starts after this long. */
  budgetMs: z.number().int().min(1).max(60_000).default(10_000),
});

/**
 * Part of the event-cancelled cascade: cancels confirmed and unpaid orders of a cancelled event
 * (`event_cancelled`) batch by batch, each batch one transaction with its seats, audit rows and
 * `booking.cancelled` facts (whose email job tells each holder), until none is left or the
 * budget is spent. `done` once no such order remains; otherwise call again.
 *
 * A booking another transaction holds is waited for, never skipped: after the wait it is
 * cancelled, or left alone if that transaction cancelled it first. A cancelled event gains no
 * new confirmed booking (both booking paths require a published event on the locked seat row),
 * so a batch smaller than asked for means nothing is left.
 */
export async function cancelEventBookings({ ctx, input }: { ctx: Ctx; input: z.input<typeof cancelEventBookingsInput> }) {
  const i = cancelEventBookingsInput.parse(input);
  authorize(ctx.actor, "event:manage");
  const [inv] = await ctx.db.select().from(eventInventory).where(eq(eventInventory.eventId, i.eventId));
  if (inv?.status !== "cancelled") return { cancelled: 0, done: true };
  const started = Date.now();
  let cancelled = 0;
  let done = false;
  for (let batch = 0; !done && batch < i.maxBatches && Date.now() - started < i.budgetMs; batch++) {
    const n = await retryOnConflict(() => cancelBatch(ctx, inv, i.batchSize));
    cancelled += n;
    done = n < i.batchSize;
  }
  for (let n = 0; n < cancelled; n++) countBookingCancelled("event_cancelled");
  if (cancelled > 0) ctx.log.info({ eventId: i.eventId, cancelled, done }, "booking.event_cancelled_batch");
  return { cancelled, done };
}

/** One transaction: locks up to `batchSize` confirmed or unpaid orders (waiting for their holders) and cancels them. */
async function cancelBatch(ctx: Ctx, inv: EventInventory, batchSize: number): Promise<number> {
  return withTransaction(ctx, async (tx) => {
    // A paid order keeps payment status `succeeded` here: the cascade then refunds it (requestEventRefunds) and marks it refunded.
    const batch = await tx
      .select({ id: bookings.id, status: bookings.status })
      .from(bookings)
      .where(and(eq(bookings.eventId, inv.eventId), inArray(bookings.status, ["confirmed", "awaiting_payment"])))
      .limit(batchSize)
      .for("update");
    if (batch.length === 0) return 0;
    const at = ctx.now();
    const rows = await tx
      .update(bookings)
      .set({ status: "cancelled", cancelledAt: at, cancelledBy: "event_cancelled", version: sql`${bookings.version} + 1` })
      .where(inArray(bookings.id, batch.map((b) => b.id)))
      .returning();
    const wasConfirmed = new Set(batch.filter((b) => b.status === "confirmed").map((b) => b.id));
    await releaseSeats(tx, inv.eventId, rows);
    await recordAudit(
      tx,
      ctx,
      rows.map((r) => ({
        eventId: r.eventId,
        bookingId: r.id,
        action: "booking.cancelled" as const,
        before: { status: wasConfirmed.has(r.id) ? "confirmed" : "awaiting_payment", version: r.version - 1 },
        after: { status: "cancelled", cancelledBy: "event_cancelled", version: r.version },
      })),
    );
    const fact = (r: (typeof rows)[number]) => ({
      eventId: r.eventId,
      userId: r.userId,
      organizerId: inv.organizerId,
      quantity: r.quantity,
      totalCents: r.totalCents,
      currency: r.currency,
      cancelledBy: "event_cancelled" as const,
      cancelledAt: at.toISOString(),
    });
    await insertOutboxEvents(tx, [
      ...rows.map((r) => ({ id: randomUUID(), name: "order.cancelled", requestId: ctx.requestId, data: { ...fact(r), organizationId: inv.organizationId, orderId: r.id } })),
      // Analytics and the holder's email know confirmed bookings only; an unpaid hold simply ends.
      ...rows.filter((r) => wasConfirmed.has(r.id)).map((r) => ({ id: randomUUID(), name: "booking.cancelled", requestId: ctx.requestId, data: { ...fact(r), bookingId: r.id } })),
    ]);
    return rows.length;
  });
}
