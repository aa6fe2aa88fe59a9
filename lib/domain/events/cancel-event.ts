import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { changeStatus } from "./change-status";
import type { Event } from "./event-record";

export const cancelEventBody = z.object({
  reason: z
    .string()
    .trim()
    .min(3, "must be at least 3 characters")
    .max(1000, "must be at most 1000 characters")
    .optional()
    .describe("Why the event is cancelled; every cancellation email carries it"),
});

export const cancelEventInput = cancelEventBody.extend({ id: z.string() });

/**
 * draft or published → cancelled, for good. The bookings domain reacts to `event.cancelled`
 * (cancels every booking, emails the holders, closes the waitlist). A draft that is withdrawn
 * this way stays private, since it was never published.
 */
export async function cancelEvent({ ctx, input }: { ctx: Ctx; input: z.input<typeof cancelEventInput> }): Promise<Event> {
  const { id, reason } = cancelEventInput.parse(input);
  return changeStatus(ctx, id, {
    to: "cancelled",
    from: ["draft", "published"],
    fact: "event.cancelled",
    stamp: "cancelledAt",
    refusal: () => "This event is already cancelled.",
    also: { cancellationReason: reason ?? null },
  });
}
