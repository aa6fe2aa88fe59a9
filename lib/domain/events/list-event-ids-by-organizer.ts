import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { isUuid } from "@/lib/domain/ids";
import { events } from "./schema";

export const listEventIdsByOrganizerInput = z.object({ organizerId: z.string() });

/** Every event id an organizer owns, any status (analytics scopes an organizer's numbers with it). */
export async function listEventIdsByOrganizer({ ctx, input }: { ctx: Ctx; input: z.input<typeof listEventIdsByOrganizerInput> }): Promise<string[]> {
  const { organizerId } = listEventIdsByOrganizerInput.parse(input);
  if (!isUuid(organizerId)) return [];
  const rows = await ctx.db.select({ id: events.id }).from(events).where(eq(events.organizerId, organizerId));
  return rows.map((r) => r.id);
}
