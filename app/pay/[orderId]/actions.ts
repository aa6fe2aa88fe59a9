"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { payTestOrder } from "@/lib/checkout";
import { Conflict } from "@/lib/domain/errors";
import { testCardInput } from "@/lib/domain/payments";
import { action } from "@/lib/web/action";

const CARD_DECLINED = "CARD_DECLINED";

/**
 * The test checkout's Pay button. A declined card comes back as a refusal on the same page, with
 * what was typed kept, so the buyer can try again; a paid order goes back to its order page.
 */
export const payWithTestCardAction = action(testCardInput.and(z.object({ orderId: z.string() })), async ({ input, ctx }) => {
  const { orderId, ...card } = input;
  const payment = await payTestOrder({ ctx, input: { orderId, card } });
  if (payment.outcome === "succeeded") redirect(`/orders/${payment.order.id}`);
  throw new Conflict(CARD_DECLINED, payment.failureReason ?? "Your card was declined.");
});
