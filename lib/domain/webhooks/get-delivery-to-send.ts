import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { isUuid } from "@/lib/domain/ids";
import { deliveries, endpoints } from "./schema";

export const getDeliveryToSendInput = z.object({ deliveryId: z.string() });

export type DeliveryToSend = {
  deliveryId: string;
  messageId: string;
  body: string;
  url: string;
  secret: string;
  endpointEnabled: boolean;
  status: "pending" | "succeeded" | "failed" | "dead";
};

/** What the delivery job needs to send one delivery (secret included), or null when it is gone. */
export async function getDeliveryToSend({ ctx, input }: { ctx: Ctx; input: z.input<typeof getDeliveryToSendInput> }): Promise<DeliveryToSend | null> {
  const { deliveryId } = getDeliveryToSendInput.parse(input);
  if (!isUuid(deliveryId)) return null;
  const [row] = await ctx.db
    .select({ delivery: deliveries, url: endpoints.url, secret: endpoints.secret, enabled: endpoints.enabled })
    .from(deliveries)
    .innerJoin(endpoints, eq(endpoints.id, deliveries.endpointId))
    .where(eq(deliveries.id, deliveryId));
  if (!row) return null;
  return {
    deliveryId: row.delivery.id,
    messageId: row.delivery.messageId,
    body: JSON.stringify(row.delivery.payload),
    url: row.url,
    secret: row.secret,
    endpointEnabled: row.enabled,
    status: row.delivery.status,
  };
}
