import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { deleteImage, storeImage, uploadBytes } from "@/lib/domain/media";
import type { Event } from "./event-record";
import { loadEventToManage } from "./load-event";
import { replaceCover } from "./replace-cover";
import { cancelledIsFinal } from "./update-event";

export const setEventCoverInput = z.object({ id: z.string(), bytes: uploadBytes });

/**
 * Resizes and stores an uploaded cover (owner, admin) and attaches it, replacing any former one.
 * Who may change the event is checked before the image is processed, so a stranger's upload
 * costs no CPU; the processing runs outside any transaction, and an image that could not be
 * attached is deleted again.
 */
export async function setEventCover({ ctx, input }: { ctx: Ctx; input: z.input<typeof setEventCoverInput> }): Promise<Event> {
  const { id, bytes } = setEventCoverInput.parse(input);
  const current = await loadEventToManage(ctx.db, ctx.actor, id);
  if (current.status === "cancelled") throw cancelledIsFinal();
  const cover = await storeImage({ ctx, input: { bytes } });
  try {
    const event = await replaceCover(ctx, id, cover);
    ctx.log.info({ eventId: event.id, imageId: cover.id }, "event.cover_set");
    return event;
  } catch (error) {
    await deleteImage({ ctx, input: { id: cover.id } });
    throw error;
  }
}
