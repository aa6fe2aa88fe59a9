import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { withItems, type BookingView } from "./booking-view";
import { getBookingOrThrow } from "./load-booking";

export const getBookingInput = z.object({ id: z.string() });

/** One booking with its tickets, for its holder, the event's organizer or an admin. */
export async function getBooking({ ctx, input }: { ctx: Ctx; input: z.input<typeof getBookingInput> }): Promise<BookingView> {
  const { id } = getBookingInput.parse(input);
  const { booking } = await getBookingOrThrow(ctx, id, "booking:view");
  const [view] = await withItems(ctx.db, [booking]);
  return view!;
}
