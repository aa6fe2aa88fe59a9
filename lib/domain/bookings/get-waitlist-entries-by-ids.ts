import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { Forbidden } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { entryViews, type WaitlistEntryView } from "./waitlist-view";

export const getWaitlistEntriesByIdsInput = z.object({ ids: z.array(z.string()).max(1000) });

/** Waitlist entries with their current position, for the jobs that tell waiting users (notifications). */
export async function getWaitlistEntriesByIds({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof getWaitlistEntriesByIdsInput>;
}): Promise<WaitlistEntryView[]> {
  if (ctx.actor.type !== "system") throw new Forbidden();
  return entryViews(ctx.db, [...new Set(getWaitlistEntriesByIdsInput.parse(input).ids.filter(isUuid))]);
}
