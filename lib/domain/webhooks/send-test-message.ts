import { randomUUID } from "node:crypto";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { emit } from "@/lib/jobs/emit";
import { loadEndpointToManage } from "./endpoint-access";
import { toDeliveryView, type DeliveryView } from "./endpoint-view";
import { TEST_EVENT_TYPE } from "./event-types";
import { reenable } from "./reenable";
import { deliveries } from "./schema";

export const sendTestMessageInput = z.object({ endpointId: z.string() });

/** Queues a `webhook.test` message to an endpoint the caller manages, delivered and logged like any fact. */
export async function sendTestMessage({ ctx, input }: { ctx: Ctx; input: z.input<typeof sendTestMessageInput> }): Promise<DeliveryView> {
  const i = sendTestMessageInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const endpoint = await loadEndpointToManage(tx, ctx.actor, i.endpointId);
    const now = ctx.now();
    const [row] = await tx
      .insert(deliveries)
      .values({
        endpointId: endpoint.id,
        messageId: randomUUID(),
        eventType: TEST_EVENT_TYPE,
        payload: { type: TEST_EVENT_TYPE, timestamp: now.toISOString(), data: { endpointId: endpoint.id } },
        nextAttemptAt: now,
        createdAt: now,
      })
      .returning();
    await reenable(tx, endpoint);
    await emit(tx, { name: "webhook.delivery_requested", data: { deliveryId: row!.id, endpointId: endpoint.id }, requestId: ctx.requestId });
    return toDeliveryView(row!);
  });
}
