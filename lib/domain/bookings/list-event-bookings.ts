import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { withItems } from "./booking-view";
import { pageEventBookings } from "./page-event-bookings";

export const listEventBookingsInput = z.object({
  eventId: z.string(),
  limit: z.number().int().min(1).max(500).default(50),
  cursor: z.string().optional(),
  status: z.enum(["confirmed", "cancelled"]).optional(),
});

/** An event's bookings with their tickets, newest first: the organizer's attendee list (and its CSV export). */
export async function listEventBookings({ ctx, input }: { ctx: Ctx; input: z.input<typeof listEventBookingsInput> }) {
  const i = listEventBookingsInput.parse(input);
  const { rows, nextCursor } = await pageEventBookings(ctx, i);
  return { data: await withItems(ctx.db, rows), nextCursor };
}
