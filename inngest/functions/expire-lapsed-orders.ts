import { expireOrders } from "@/lib/domain/bookings";
import { inngest } from "../client";
import { events } from "../events";

/**
 * Ends an unpaid order's hold on time: sleeps until its `expiresAt`, then sweeps the event's
 * lapsed holds (this one and any others due), so the seats are back within seconds. An order
 * paid or cancelled meanwhile is no longer awaiting payment and is left alone.
 */
export const expireOrderWhenHoldLapses = inngest.createFunction(
  { id: "expire-order-when-hold-lapses", retries: 10, triggers: [events["order.placed"]] },
  async ({ event, step, ctx }) => {
    await step.sleepUntil("until-hold-lapses", new Date(event.data.expiresAt));
    return step.run("expire", () => expireOrders({ ctx, input: { eventId: event.data.eventId } }));
  },
);

/** Every minute, the safety net: sweeps any lapsed hold a missed or delayed run left behind. */
export const expireLapsedOrders = inngest.createFunction(
  { id: "expire-lapsed-orders", retries: 3, triggers: [{ cron: "* * * * *" }] },
  async ({ step, ctx }) => step.run("expire", () => expireOrders({ ctx, input: { limit: 1000 } })),
);
