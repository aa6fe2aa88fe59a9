import type { OrderView } from "@/lib/domain/bookings";

export type OrderStatusWords = { label: string; tone: "waiting" | "good" | "over" };

/** Whole minutes left, rounded up: "1 min left" until the very last second. */
export function minutesLeft(expiresAt: string, now: Date): number {
  return Math.max(0, Math.ceil((new Date(expiresAt).getTime() - now.getTime()) / 60_000));
}

/**
 * An order's state in the words a buyer uses. A hold that lapsed reads "Expired" at once, before
 * the expiry job has swept it: its seats are already back on sale.
 */
export function orderStatusWords(order: Pick<OrderView, "status" | "expiresAt" | "totalCents" | "payment">, now: Date): OrderStatusWords {
  switch (order.status) {
    case "awaiting_payment": {
      const left = order.expiresAt ? minutesLeft(order.expiresAt, now) : null;
      if (left === 0) return { label: "Expired", tone: "over" };
      return { label: left === null ? "Awaiting payment" : `Awaiting payment — ${left} min left`, tone: "waiting" };
    }
    case "confirmed":
      return { label: order.totalCents === 0 ? "Confirmed" : "Paid", tone: "good" };
    case "expired":
      return { label: order.payment?.status === "succeeded" ? "Expired — refund due" : "Expired", tone: "over" };
    case "cancelled":
      return { label: "Cancelled", tone: "over" };
    case "refunded":
      return { label: "Refunded", tone: "over" };
  }
}

/** The hold ended but the job has not marked it yet: the page treats it as expired. */
export function holdLapsed(order: Pick<OrderView, "status" | "expiresAt">, now: Date): boolean {
  return order.status === "awaiting_payment" && order.expiresAt !== null && new Date(order.expiresAt) <= now;
}
