import { z } from "zod";
import { getOrder, type OrderView } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { Forbidden, NotFound } from "@/lib/domain/errors";
import { getEventsByIds } from "@/lib/domain/events";
import { currentPaymentProvider, listOrderPayments } from "@/lib/domain/payments";
import { asSystem } from "./system-ctx";

export const getTestCheckoutInput = z.object({ orderId: z.string() });

export type TestCheckout = {
  order: OrderView;
  event: { id: string; title: string; startsAt: string; timeZone: string } | null;
  /** Why the last card tried was refused, while the order still waits for payment. */
  lastFailure: string | null;
};

/** What the test provider's pay page shows: the order, its event, and why the last attempt failed. For the buyer or an admin. */
export async function getTestCheckout({ ctx, input }: { ctx: Ctx; input: z.input<typeof getTestCheckoutInput> }): Promise<TestCheckout> {
  const { orderId } = getTestCheckoutInput.parse(input);
  if (currentPaymentProvider().name !== "test") throw new NotFound();
  const order = await getOrder({ ctx, input: { orderId } });
  const mayPay = ctx.actor.type === "user" && (ctx.actor.userId === order.userId || ctx.actor.role === "admin");
  if (!mayPay) throw new Forbidden("FORBIDDEN", "Only the buyer can pay for this order.");
  const [[event], [last]] = await Promise.all([
    getEventsByIds({ ctx, input: { ids: [order.eventId] } }),
    listOrderPayments({ ctx: asSystem(ctx), input: { orderId: order.id } }),
  ]);
  return {
    order,
    event: event ? { id: event.id, title: event.title, startsAt: event.startsAt.toISOString(), timeZone: event.timezone } : null,
    lastFailure: last?.status === "failed" ? last.failureReason : null,
  };
}
