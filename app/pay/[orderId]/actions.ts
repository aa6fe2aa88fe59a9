"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { payTestOrder } from "@/lib/checkout";
import { testCardInput } from "@/lib/domain/payments";
import { action } from "@/lib/web/action";

/**
 * The test checkout's Pay button. A declined card comes back as a message on the same page, so
 * the buyer can try another; a paid order goes back to its order page.
 */
export const payWithTestCardAction = action(testCardInput.and(z.object({ orderId: z.string() })), async ({ input, ctx }) => {
  const { orderId, ...card } = input;
  const payment = await payTestOrder({ ctx, input: { orderId, card } });
  if (payment.outcome === "succeeded") redirect(`/orders/${payment.order.id}`);
  return { declined: payment.failureReason ?? "Your card was declined." };
});
