import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { isUuid } from "@/lib/domain/ids";
import { readAvailability } from "./availability";

export const getTicketTypeAvailabilityInput = z.object({ eventIds: z.array(z.string()).max(1000) });

/** Seats anyone can order now per live ticket type (`ticketType.seatsAvailable`), by event then type id. */
export async function getTicketTypeAvailability({ ctx, input }: { ctx: Ctx; input: z.input<typeof getTicketTypeAvailabilityInput> }) {
  const ids = [...new Set(getTicketTypeAvailabilityInput.parse(input).eventIds.filter(isUuid))];
  const found = await readAvailability(ctx.db, ids, ctx.now());
  return new Map([...found].map(([id, a]) => [id, a.types]));
}
