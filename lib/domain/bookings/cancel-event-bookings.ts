import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import { authorize } from "@/lib/domain/auth/policy";
import type { Ctx } from "@/lib/domain/context";
import { insertOutboxEvents } from "@/lib/jobs/outbox";
import { countBookingCancelled } from "@/lib/metrics/domain";
import { recordAudit } from "./audit";
import { releaseSeats } from "./release-seats";
import { bookings, eventInventory } from "./schema";

export const cancelEventBookingsInput = z.object({ eventId: z.uuid(), batchSize: z.number().int().min(1).max(500).default(100) });

/**
 * One batch of the event-cancelled cascade: up to `batchSize` confirmed bookings of a cancelled
 * event become cancelled (`event_cancelled`) in one transaction, with their seats, audit rows
 * and `booking.cancelled` facts (whose email job tells each holder). Rows another transaction
 * holds are skipped and picked up by the next batch. Returns how many it cancelled; 0 = done.
 */
export async function cancelEventBookings({ ctx, input }: { ctx: Ctx; input: z.input<typeof cancelEventBookingsInput> }) {
  const i = cancelEventBookingsInput.parse(input);
  authorize(ctx.actor, "event:manage");
  const cancelled = await withTransaction(ctx, async (tx) => {
    const [inv] = await tx.select().from(eventInventory).where(eq(eventInventory.eventId, i.eventId));
    if (inv?.status !== "cancelled") return 0;
    const batch = await tx
      .select({ id: bookings.id })
      .from(bookings)
      .where(and(eq(bookings.eventId, i.eventId), eq(bookings.status, "confirmed")))
      .limit(i.batchSize)
      .for("update", { skipLocked: true });
    if (batch.length === 0) return 0;
    const at = ctx.now();
    const rows = await tx
      .update(bookings)
      .set({ status: "cancelled", cancelledAt: at, cancelledBy: "event_cancelled", version: sql`${bookings.version} + 1` })
      .where(inArray(bookings.id, batch.map((b) => b.id)))
      .returning();
    await releaseSeats(tx, i.eventId, rows);
    await recordAudit(
      tx,
      ctx,
      rows.map((r) => ({
        eventId: r.eventId,
        bookingId: r.id,
        action: "booking.cancelled" as const,
        before: { status: "confirmed", version: r.version - 1 },
        after: { status: "cancelled", cancelledBy: "event_cancelled", version: r.version },
      })),
    );
    await insertOutboxEvents(
      tx,
      rows.map((r) => ({
        id: randomUUID(),
        name: "booking.cancelled",
        requestId: ctx.requestId,
        data: {
          bookingId: r.id,
          eventId: r.eventId,
          userId: r.userId,
          organizerId: inv.organizerId,
          quantity: r.quantity,
          totalCents: r.totalCents,
          currency: r.currency,
          cancelledBy: "event_cancelled",
          cancelledAt: at.toISOString(),
        },
      })),
    );
    return rows.length;
  });
  for (let n = 0; n < cancelled; n++) countBookingCancelled("event_cancelled");
  if (cancelled > 0) ctx.log.info({ eventId: i.eventId, cancelled }, "booking.event_cancelled_batch");
  return { cancelled };
}
