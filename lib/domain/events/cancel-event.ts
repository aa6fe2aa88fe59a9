import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { changeStatus } from "./change-status";
import type { Event } from "./event-record";

export const cancelEventInput = z.object({ id: z.string() });

/**
 * draft or published → cancelled, for good. The bookings domain reacts to `event.cancelled`
 * (cancels every booking, emails the holders, closes the waitlist). A draft that is withdrawn
 * this way stays private, since it was never published.
 */
export async function cancelEvent({ ctx, input }: { ctx: Ctx; input: z.input<typeof cancelEventInput> }): Promise<Event> {
  const { id } = cancelEventInput.parse(input);
  return changeStatus(ctx, id, {
    to: "cancelled",
    from: ["draft", "published"],
    fact: "event.cancelled",
    stamp: "cancelledAt",
    refusal: () => "This event is already cancelled.",
  });
}
