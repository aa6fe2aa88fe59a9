import { and, count, eq, gt } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { isUuid } from "@/lib/domain/ids";
import { events } from "./schema";

export const countOpenEventsByOrganizerInput = z.object({ organizerId: z.string() });

/** Published events of an organizer that have not ended: people still hold tickets for them (account deletion asks). */
export async function countOpenEventsByOrganizer({ ctx, input }: { ctx: Ctx; input: z.input<typeof countOpenEventsByOrganizerInput> }): Promise<number> {
  const { organizerId } = countOpenEventsByOrganizerInput.parse(input);
  if (!isUuid(organizerId)) return 0;
  const [row] = await ctx.db
    .select({ n: count() })
    .from(events)
    .where(and(eq(events.organizerId, organizerId), eq(events.status, "published"), gt(events.endsAt, ctx.now())));
  return row?.n ?? 0;
}
