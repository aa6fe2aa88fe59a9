"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { checkPromoCode, enforceBookingRateLimit, MAX_SEATS_PER_REQUEST } from "@/lib/domain/bookings";
import { placeOrder } from "@/lib/checkout";
import { clientIp } from "@/lib/http/client-info";
import { action } from "@/lib/web/action";
import type { PromoOffer, TicketOption } from "./selection-total";

/** The selector's menus are named `qty-<ticket type id>`; the chosen ones (above 0) become the order's items. */
const QUANTITY_FIELD = /^qty-(.+)$/;

const orderForm = z
  .looseObject({
    eventId: z.string(),
    idempotencyKey: z.string().min(1).max(255),
    promoCode: z.string().trim().max(64).optional(),
  })
  .transform(({ eventId, idempotencyKey, promoCode, ...fields }, ctx) => {
    const items = Object.entries(fields).flatMap(([name, value]) => {
      const match = QUANTITY_FIELD.exec(name);
      const quantity = Number(value);
      return match && Number.isInteger(quantity) && quantity > 0 ? [{ ticketTypeId: match[1]!, quantity }] : [];
    });
    const seats = items.reduce((sum, i) => sum + i.quantity, 0);
    if (seats === 0) ctx.addIssue({ code: "custom", path: ["items"], message: "Choose at least one ticket." });
    if (seats > MAX_SEATS_PER_REQUEST) ctx.addIssue({ code: "custom", path: ["items"], message: `One order holds at most ${MAX_SEATS_PER_REQUEST} tickets.` });
    return { eventId, idempotencyKey, promoCode: promoCode || undefined, items };
  });

/**
 * Continue on the ticket selector: places the order (lib/checkout gives it its way to pay) and
 * opens its page, which shows the tickets of a free order or the checkout of a paid one. The
 * key comes from the form, so a double click orders once (attempt-key.ts).
 */
export const placeOrderAction = action(orderForm, async ({ input, ctx }) => {
  await enforceBookingRateLimit("booking", { actor: ctx.actor, ip: clientIp(await headers()) });
  const { order } = await placeOrder({ ctx, input });
  revalidatePath(`/events/${input.eventId}`);
  redirect(`/orders/${order.id}`);
});

export type PromoCheck = { offer: PromoOffer; unlocked: TicketOption[]; typeNames: string[] };

/** "Have a promo code?": what the code takes off and which hidden types it unlocks, before any order exists. */
export const checkPromoCodeAction = action(
  z.object({ eventId: z.string(), promoCode: z.string().trim().min(1, "Enter a promo code.").max(64) }),
  async ({ input, ctx }): Promise<PromoCheck> => {
    await enforceBookingRateLimit("booking", { actor: ctx.actor, ip: clientIp(await headers()) });
    const check = await checkPromoCode({ ctx, input });
    return {
      offer: { code: check.code, percentOff: check.percentOff, amountOffCents: check.amountOffCents, ticketTypeIds: check.ticketTypeIds },
      unlocked: check.unlocked.map(({ id, name, description, priceCents, seatsAvailable, perOrderMax }) => ({ id, name, description, priceCents, seatsAvailable, perOrderMax })),
      typeNames: check.covers.map((t) => t.name),
    };
  },
);
