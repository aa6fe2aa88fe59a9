import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { emit } from "@/lib/jobs/emit";
import { loadEndpointToManage } from "./endpoint-access";
import { toDeliveryView, type DeliveryView } from "./endpoint-view";
import { reenable } from "./reenable";
import { deliveries } from "./schema";

export const redeliverInput = z.object({ endpointId: z.string(), deliveryId: z.string() });

/**
 * Sends a delivery again, whatever became of it, with the same `webhook-id` and body, so a
 * receiver that already processed it can tell. Asking for it turns a disabled endpoint back
 * on: whoever manages it is saying the receiver is fixed.
 */
export async function redeliver({ ctx, input }: { ctx: Ctx; input: z.input<typeof redeliverInput> }): Promise<DeliveryView> {
  const i = redeliverInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const endpoint = await loadEndpointToManage(tx, ctx.actor, i.endpointId);
    if (!isUuid(i.deliveryId)) throw new NotFound("DELIVERY_NOT_FOUND", "This delivery does not exist.");
    const [row] = await tx
      .update(deliveries)
      .set({ status: "pending", nextAttemptAt: ctx.now() })
      .where(and(eq(deliveries.id, i.deliveryId), eq(deliveries.endpointId, endpoint.id)))
      .returning();
    if (!row) throw new NotFound("DELIVERY_NOT_FOUND", "This delivery does not exist.");
    await reenable(tx, endpoint);
    await emit(tx, { name: "webhook.delivery_requested", data: { deliveryId: row.id, endpointId: endpoint.id }, requestId: ctx.requestId });
    return toDeliveryView(row);
  });
}
