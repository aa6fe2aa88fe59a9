import { z } from "zod";
import { can } from "@/lib/domain/auth";
import { getBookingOptions } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { eventResource } from "./event-record";
import { findEventRecord } from "./load-event";

export const getOnlineUrlInput = z.object({ id: z.string() });

/**
 * An online event's join link, for those let in: a holder of a confirmed seat, the organizer
 * and admins. Everyone else (and an in-person event) gets null, so a face cannot tell a
 * hidden link from none and cannot leak it.
 */
export async function getOnlineUrl({ ctx, input }: { ctx: Ctx; input: z.input<typeof getOnlineUrlInput> }): Promise<string | null> {
  const { id } = getOnlineUrlInput.parse(input);
  const record = await findEventRecord(ctx.db, id);
  if (!record?.onlineUrl) return null;
  if (can(ctx.actor, "event:manage", eventResource(record))) return record.onlineUrl;
  if (ctx.actor.type !== "user") return null;
  const options = await getBookingOptions({ ctx, input: { eventId: record.id } });
  return options && options.mySeats > 0 ? record.onlineUrl : null;
}
