import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { readableEventStats } from "./analytics-scope";
import { eventLog } from "./schema";

export const listRecentFactsInput = z.object({ eventId: z.string(), limit: z.number().int().min(1).max(100).default(20) });

export type AppliedFact = { outboxId: string; name: string; appliedAt: string };

/** The facts most recently applied to one event's numbers: what moved them, and when. */
export async function listRecentFacts({ ctx, input }: { ctx: Ctx; input: z.input<typeof listRecentFactsInput> }): Promise<AppliedFact[]> {
  const { eventId, limit } = listRecentFactsInput.parse(input);
  await readableEventStats(ctx, eventId);
  const rows = await ctx.db
    .select({ outboxId: eventLog.outboxId, name: eventLog.name, appliedAt: eventLog.appliedAt })
    .from(eventLog)
    .where(eq(eventLog.eventId, eventId))
    .orderBy(desc(eventLog.appliedAt))
    .limit(limit);
  return rows.map((r) => ({ ...r, appliedAt: r.appliedAt.toISOString() }));
}
