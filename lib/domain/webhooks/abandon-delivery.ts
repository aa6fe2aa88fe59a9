import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { deliveries } from "./schema";

export const abandonDeliveryInput = z.object({ deliveryId: z.uuid(), reason: z.string().max(500) });

/** Gives a delivery up without an attempt (its endpoint was disabled): dead, with the reason in the log. */
export async function abandonDelivery({ ctx, input }: { ctx: Ctx; input: z.input<typeof abandonDeliveryInput> }): Promise<void> {
  const i = abandonDeliveryInput.parse(input);
  await ctx.db.update(deliveries).set({ status: "dead", lastError: i.reason, nextAttemptAt: null }).where(eq(deliveries.id, i.deliveryId));
}
