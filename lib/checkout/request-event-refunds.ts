import { z } from "zod";
import { listRefundableEventOrders } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { requestRefund } from "@/lib/domain/payments";
import { asSystem } from "./system-ctx";

export const requestEventRefundsInput = z.object({
  eventId: z.uuid(),
  afterId: z.uuid().optional(),
  batchSize: z.number().int().min(1).max(500).default(100),
});

/**
 * Part of the event-cancelled cascade: asks for the full refund of one page of the event's paid,
 * cancelled orders. Each refund is keyed by its order (`event-cancelled:<orderId>`), so a page
 * asked for again after a crash finds the refunds it already recorded, and each refund's own job
 * calls the provider (retried, with that key) and marks the order refunded.
 */
export async function requestEventRefunds({ ctx, input }: { ctx: Ctx; input: z.input<typeof requestEventRefundsInput> }) {
  const { eventId, afterId, batchSize } = requestEventRefundsInput.parse(input);
  const sys = asSystem(ctx);
  const orders = await listRefundableEventOrders({ ctx: sys, input: { eventId, afterId, limit: batchSize } });
  for (const { orderId } of orders) {
    await requestRefund({
      ctx: sys,
      input: { orderId, reason: "The event was cancelled.", idempotencyKey: `event-cancelled:${orderId}`, requestedBy: "event_cancelled" },
    });
  }
  if (orders.length > 0) ctx.log.info({ eventId, requested: orders.length }, "payment.event_refunds_requested");
  return { requested: orders.length, lastId: orders.at(-1)?.orderId ?? null, done: orders.length < batchSize };
}
