import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { Conflict } from "@/lib/domain/errors";
import type { BookingView } from "./booking-view";
import { cancelOrder } from "./cancel-order";
import { bookingViewOf } from "./order-view";

export const cancelBookingInput = z.object({ id: z.string() });

/**
 * Cancels a booking: the order behind it, through cancelOrder (seats back at once, the waitlist
 * served). A paid booking needs its refund first, which lib/checkout's cancel does; here it is
 * refused rather than cancelled without the money going back.
 */
export async function cancelBooking({ ctx, input }: { ctx: Ctx; input: z.input<typeof cancelBookingInput> }): Promise<BookingView> {
  const { id } = cancelBookingInput.parse(input);
  const { order, refundDue } = await cancelOrder({ ctx, input: { orderId: id } });
  if (refundDue) throw new Conflict("REFUND_REQUIRED", "This booking was paid for: cancel it from its order page so the payment is refunded.");
  return bookingViewOf(order);
}
