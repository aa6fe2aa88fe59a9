import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { getBookingOrThrow } from "./load-booking";
import { withOrderDetails, type OrderView } from "./order-view";

export const getOrderToManageInput = z.object({ orderId: z.string(), action: z.enum(["order:view", "order:refund"]).default("order:view") });

/**
 * One order for whoever acts for its event (the organizer, an admin): its buyer can see it but
 * not refund it by hand (403), anyone else learns nothing (404).
 */
export async function getOrderToManage({ ctx, input }: { ctx: Ctx; input: z.input<typeof getOrderToManageInput> }): Promise<OrderView & { organizerId: string }> {
  const { orderId, action } = getOrderToManageInput.parse(input);
  const { booking, organizerId } = await getBookingOrThrow(ctx, orderId, action);
  const [view] = await withOrderDetails(ctx.db, [booking]);
  return { ...view!, organizerId };
}
