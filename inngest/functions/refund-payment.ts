import { completeRefund } from "@/lib/checkout";
import { inngest } from "../client";
import { events } from "../events";

/**
 * Makes a requested refund: through the provider with the refund's idempotency key, then marks
 * the order refunded when the refund undoes it. Retried for a day of provider outages; each
 * retry sends the same key, so the money goes back once.
 */
export const refundPayment = inngest.createFunction(
  {
    id: "refund-payment",
    retries: 20,
    // One refund of an order at a time: a cancel racing a late payment waits instead of racing the provider.
    concurrency: { limit: 1, key: "event.data.orderId" },
    triggers: [events["payment.refund_requested"]],
  },
  async ({ event, ctx }) => {
    const order = await completeRefund({ ctx, input: { refundId: event.data.refundId, cancelledBy: event.data.requestedBy } });
    return { refundId: event.data.refundId, orderStatus: order?.status ?? null };
  },
);
