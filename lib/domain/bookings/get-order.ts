import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { getBookingOrThrow } from "./load-booking";
import { withOrderDetails, type OrderView } from "./order-view";

export const getOrderInput = z.object({ orderId: z.string() });

/** One order with its lines and tickets, for its buyer, the event's organizer or an admin (anyone else: not found). */
export async function getOrder({ ctx, input }: { ctx: Ctx; input: z.input<typeof getOrderInput> }): Promise<OrderView> {
  const { orderId } = getOrderInput.parse(input);
  const { booking } = await getBookingOrThrow(ctx, orderId, "booking:view");
  const [view] = await withOrderDetails(ctx.db, [booking]);
  return view!;
}
