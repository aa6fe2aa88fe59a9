import { z } from "zod";
import { authorize } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { changeStatus } from "./change-status";
import type { Event } from "./event-record";

export const publishEventInput = z.object({ id: z.string() });

/** draft → published, unless it has already ended: the event appears in public lists and can be booked. */
export async function publishEvent({ ctx, input }: { ctx: Ctx; input: z.input<typeof publishEventInput> }): Promise<Event> {
  authorize(ctx.actor, "event:publish");
  const { id } = publishEventInput.parse(input);
  return changeStatus(ctx, id, {
    to: "published",
    from: ["draft"],
    fact: "event.published",
    stamp: "publishedAt",
    refusal: (current) => `Only a draft can be published; this event is ${current}.`,
    notEnded: { refusal: "This event has already ended, so it can no longer be published." },
  });
}
