import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { isUuid } from "@/lib/domain/ids";
import { readAvailability } from "./availability";

export const getSeatsAvailableInput = z.object({ eventIds: z.array(z.string()).max(1000) });

/**
 * Seats anyone can order now, per event (see readAvailability: seats held for the waitlist are
 * not available, lapsed unpaid holds are). Events without inventory are absent from the map.
 */
export async function getSeatsAvailable({ ctx, input }: { ctx: Ctx; input: z.input<typeof getSeatsAvailableInput> }) {
  const ids = [...new Set(getSeatsAvailableInput.parse(input).eventIds.filter(isUuid))];
  const found = await readAvailability(ctx.db, ids, ctx.now());
  return new Map([...found].map(([id, a]) => [id, a.seats]));
}
