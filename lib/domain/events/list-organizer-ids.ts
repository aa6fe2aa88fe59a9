import type { Ctx } from "@/lib/domain/context";
import { events } from "./schema";

/** Every user who owns at least one event, any status (account retention keeps them). */
export async function listOrganizerIds({ ctx }: { ctx: Ctx }): Promise<string[]> {
  const rows = await ctx.db.selectDistinct({ organizerId: events.organizerId }).from(events);
  return rows.map((r) => r.organizerId);
}
