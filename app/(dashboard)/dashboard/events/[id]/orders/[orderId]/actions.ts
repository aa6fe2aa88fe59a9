"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { parsePriceInput, priceExample } from "@/app/(dashboard)/dashboard/events/_components/price-input";
import { refundOrder } from "@/lib/checkout";
import { Validation } from "@/lib/domain/errors";
import { action } from "@/lib/web/action";

/** The organizer's refund form: an amount in major units (empty: everything left) and a reason for the buyer. */
export const refundOrderAction = action(
  z.object({ orderId: z.string(), eventId: z.string(), currency: z.string(), amount: z.string().default(""), reason: z.string().default("") }),
  async ({ input, ctx }) => {
    const typed = input.amount.trim();
    const amountCents = typed === "" ? undefined : parsePriceInput(typed, input.currency);
    if (amountCents === undefined && typed !== "") {
      throw new Validation("VALIDATION_FAILED", "Please fix the highlighted fields.", [{ path: "amount", message: `Enter an amount like ${priceExample(input.currency)}, or leave it empty to refund everything left.` }]);
    }
    const { refund, order } = await refundOrder({ ctx, input: { orderId: input.orderId, amountCents, reason: input.reason } });
    revalidatePath(`/dashboard/events/${input.eventId}/orders`);
    revalidatePath(`/dashboard/events/${input.eventId}/orders/${input.orderId}`);
    revalidatePath(`/orders/${input.orderId}`);
    return { refundId: refund.id, status: refund.status, orderStatus: order.status };
  },
);
