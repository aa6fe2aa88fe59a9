import { z } from "zod";
import { getUsersByIds } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";
import { getEventsByIds, type EventRecord } from "@/lib/domain/events";
import { getOrderPayments, type OrderPayments } from "./get-order-payments";
import { asSystem } from "./system-ctx";

export const getOrderReceiptInput = z.object({ orderId: z.string() });

export type OrderReceipt = OrderPayments & {
  event: Pick<EventRecord, "title" | "venue" | "startsAt" | "timezone">;
  organizer: { name: string; email: string };
  buyer: { name: string; email: string };
  /** When the money was taken: the succeeded payment, else the order's paid time. */
  paidAt: string;
};

/** A paid order's receipt for whoever may see the order: who sold what to whom, when, for how much, and what went back. */
export async function getOrderReceipt({ ctx, input }: { ctx: Ctx; input: z.input<typeof getOrderReceiptInput> }): Promise<OrderReceipt> {
  const { orderId } = getOrderReceiptInput.parse(input);
  const money = await getOrderPayments({ ctx, input: { orderId } });
  const paidAt = money.payments.find((p) => p.succeededAt)?.succeededAt ?? money.order.paidAt;
  if (!paidAt) throw new NotFound("NOT_FOUND", "This order has no payment to show a receipt for.");
  const sys = asSystem(ctx);
  const [event] = await getEventsByIds({ ctx: sys, input: { ids: [money.order.eventId] } });
  if (!event) throw new NotFound("NOT_FOUND", "Event not found.");
  const users = await getUsersByIds({ ctx: sys, input: { ids: [event.organizerId, money.order.userId] } });
  const person = (id: string) => users.find((u) => u.id === id) ?? { name: "", email: "" };
  const { name: organizerName, email: organizerEmail } = person(event.organizerId);
  const { name: buyerName, email: buyerEmail } = person(money.order.userId);
  return {
    ...money,
    event: { title: event.title, venue: event.venue, startsAt: event.startsAt, timezone: event.timezone },
    organizer: { name: organizerName, email: organizerEmail },
    buyer: { name: buyerName, email: buyerEmail },
    paidAt,
  };
}
