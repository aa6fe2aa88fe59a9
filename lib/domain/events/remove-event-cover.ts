import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import type { Event } from "./event-record";
import { replaceCover } from "./replace-cover";

export const removeEventCoverInput = z.object({ id: z.string() });

/** Detaches and deletes the event's cover (owner, admin); without one, nothing changes. */
export async function removeEventCover({ ctx, input }: { ctx: Ctx; input: z.input<typeof removeEventCoverInput> }): Promise<Event> {
  const { id } = removeEventCoverInput.parse(input);
  const event = await replaceCover(ctx, id, null);
  ctx.log.info({ eventId: event.id }, "event.cover_removed");
  return event;
}
