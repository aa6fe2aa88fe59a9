import { MAIL_RETRIES, sendOrderConfirmedEmail, sendOrRetryLater } from "@/lib/notifications";
import { inngest } from "../client";
import { events } from "../events";
import { mailThrottle } from "../flow-control";

/**
 * Tickets by email once an order is confirmed, free or paid. It replaces the booking
 * confirmation (`booking.confirmed` still flows, for analytics), so a free booking is mailed
 * once. A free waitlist promotion gets the waitlist-promoted message instead; a paid offer
 * that was paid gets this one. The send is the whole run, so it runs in the body (no step).
 */
export const sendOrderConfirmedEmailOnConfirm = inngest.createFunction(
  { id: "send-order-confirmed-email", retries: MAIL_RETRIES, throttle: mailThrottle, triggers: [events["order.confirmed"]] },
  async ({ event, attempt, ctx }) => {
    if (event.data.source === "waitlist" && event.data.paidAt === null) return { status: "skipped", reason: "free waitlist promotion" };
    return sendOrRetryLater(attempt, () => sendOrderConfirmedEmail({ ctx, input: event.data }));
  },
);
