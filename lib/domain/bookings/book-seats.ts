import { randomUUID } from "node:crypto";
import { z } from "zod";
import { authorize } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { Conflict, NotFound, Unauthenticated } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import type { BookingView } from "./booking-view";
import { MAX_SEATS_PER_REQUEST } from "./get-booking-options";
import { requestHash, type KeyRef } from "./idempotency";
import { placeWithEngine } from "./order-engine";
import { firstOnSaleType } from "./order-terms";
import { bookingViewOf } from "./order-view";
import { orderPaymentInput } from "./place-order";

export const bookSeatsInput = z.object({
  eventId: z.string(),
  quantity: z.number().int().min(1).max(MAX_SEATS_PER_REQUEST),
  idempotencyKey: z.string().min(1).max(255),
  orderId: z.uuid().optional(),
  /** How a paid booking is to be paid; without it the test provider's checkout is attached later. */
  payment: orderPaymentInput.default({ provider: "test", checkoutUrl: null }),
});

/**
 * Books `quantity` seats for the acting user: an order of the event's first visible ticket type
 * on sale now, through the one order engine (so a paid event's booking waits for payment, a
 * free one's is confirmed), at most once per idempotency key. Refusals: SOLD_OUT,
 * EVENT_NOT_BOOKABLE (also when no type is on sale), PER_USER_LIMIT, or not found.
 */
export async function bookSeats({ ctx, input }: { ctx: Ctx; input: z.input<typeof bookSeatsInput> }): Promise<{ booking: BookingView; replayed: boolean }> {
  const i = bookSeatsInput.parse(input);
  authorize(ctx.actor, "booking:create");
  if (ctx.actor.type !== "user") throw new Unauthenticated();
  const key: KeyRef = { userId: ctx.actor.userId, key: i.idempotencyKey, requestHash: requestHash(i.eventId, i.quantity) };
  if (!isUuid(i.eventId)) throw new NotFound();
  const { order, replayed } = await placeWithEngine(ctx, {
    eventId: i.eventId,
    key,
    orderId: i.orderId ?? randomUUID(),
    payment: i.payment,
    promoCode: undefined,
    itemsFrom: (terms) => {
      const type = firstOnSaleType(terms, ctx.now());
      if (!type) throw new Conflict("EVENT_NOT_BOOKABLE", "No tickets for this event are on sale right now.");
      return [{ ticketTypeId: type.id, quantity: i.quantity }];
    },
  });
  return { booking: bookingViewOf(order), replayed };
}
