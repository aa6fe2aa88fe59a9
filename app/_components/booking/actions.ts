"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { cancelOrder } from "@/lib/checkout/cancel-order";
import {
  changeWaitlistPriority,
  enforceBookingRateLimit,
  joinWaitlist,
  leaveWaitlist,
  type BookingRateLimitedAction,
} from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { clientIp } from "@/lib/http/client-info";
import { action } from "@/lib/web/action";

/** The same limits as the API routes: forms are just another face of the same use cases. */
async function limit(kind: BookingRateLimitedAction, ctx: Ctx): Promise<void> {
  await enforceBookingRateLimit(kind, { actor: ctx.actor, ip: clientIp(await headers()) });
}

const quantity = z.coerce.number().int().min(1, "Choose at least 1 seat.").max(10, "At most 10 seats per booking.");

export const joinWaitlistAction = action(z.object({ eventId: z.string(), quantity }), async ({ input, ctx }) => {
  await limit("waitlist", ctx);
  const entry = await joinWaitlist({ ctx, input });
  revalidatePath(`/events/${input.eventId}`);
  return { entryId: entry.id, position: entry.position };
});

export const cancelBookingAction = action(z.object({ bookingId: z.string() }), async ({ input, ctx }) => {
  await limit("booking", ctx);
  // A booking is an order: cancelling a paid one refunds it.
  const booking = await cancelOrder({ ctx, input: { orderId: input.bookingId } });
  revalidatePath("/orders");
  revalidatePath(`/events/${booking.eventId}`);
  return { bookingId: booking.id };
});

export const leaveWaitlistAction = action(z.object({ entryId: z.string(), eventId: z.string().optional() }), async ({ input, ctx }) => {
  await limit("waitlist", ctx);
  await leaveWaitlist({ ctx, input: { id: input.entryId } });
  revalidatePath("/waitlist");
  if (input.eventId) {
    revalidatePath(`/events/${input.eventId}`);
    revalidatePath(`/dashboard/events/${input.eventId}/waitlist`);
  }
  return { entryId: input.entryId };
});

export const changeWaitlistPriorityAction = action(
  z.object({ entryId: z.string(), eventId: z.string(), priority: z.coerce.number().int("Use a whole number.").min(-1_000_000).max(1_000_000) }),
  async ({ input, ctx }) => {
    const entry = await changeWaitlistPriority({ ctx, input: { id: input.entryId, priority: input.priority } });
    revalidatePath(`/dashboard/events/${input.eventId}/waitlist`);
    return { entryId: entry.id, position: entry.position };
  },
);
