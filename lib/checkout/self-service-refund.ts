import type { Ctx } from "@/lib/domain/context";
import { Conflict, NotFound } from "@/lib/domain/errors";
import { getEventsByIds } from "@/lib/domain/events";

/** When a buyer may still cancel a paid order for a full refund; `until: null` means the event offers no self-service refunds. */
export type SelfServiceRefund = { until: string | null; open: boolean; hoursBeforeStart: number | null };

/** The event's self-service refund window at `now`: open until `hoursBeforeStart` before the start. */
export async function selfServiceRefundOf(ctx: Ctx, eventId: string): Promise<SelfServiceRefund> {
  const [event] = await getEventsByIds({ ctx, input: { ids: [eventId] } });
  if (!event) throw new NotFound("NOT_FOUND", "Event not found.");
  const hours = event.refundHoursBeforeStart;
  if (hours === null) return { until: null, open: false, hoursBeforeStart: null };
  const until = new Date(event.startsAt.getTime() - hours * 3_600_000);
  return { until: until.toISOString(), open: ctx.now().getTime() < until.getTime(), hoursBeforeStart: hours };
}

/** Refuses a buyer's own cancellation of a paid order outside the event's window (409), saying which rule stands in the way. */
export async function assertSelfServiceRefundOpen(ctx: Ctx, eventId: string): Promise<void> {
  const window = await selfServiceRefundOf(ctx, eventId);
  if (window.open) return;
  if (window.until === null) {
    throw new Conflict("REFUND_NOT_OFFERED", "This event does not offer refunds on request. Contact the organizer if you cannot attend.");
  }
  throw new Conflict(
    "REFUND_DEADLINE_PASSED",
    `Refunds on request for this event ended at ${window.until} (${window.hoursBeforeStart} hours before the start). Contact the organizer if you cannot attend.`,
  );
}
