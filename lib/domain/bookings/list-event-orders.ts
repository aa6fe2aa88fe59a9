import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { withOrderDetails } from "./order-view";
import { bookingStatus } from "./schema";
import { pageEventBookings } from "./page-event-bookings";

export const listEventOrdersInput = z.object({
  eventId: z.string(),
  status: z.enum(bookingStatus.enumValues).optional(),
  limit: z.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

/** An event's orders with their lines and payment status, newest first: the organizer's order list. */
export async function listEventOrders({ ctx, input }: { ctx: Ctx; input: z.input<typeof listEventOrdersInput> }) {
  const i = listEventOrdersInput.parse(input);
  const { rows, nextCursor } = await pageEventBookings(ctx, i);
  return { data: await withOrderDetails(ctx.db, rows), nextCursor };
}
