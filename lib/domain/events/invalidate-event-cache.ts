import { z } from "zod";
import { isTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { eventCache } from "./event-cache";

export const invalidateEventCacheInput = z.object({ eventId: z.uuid() });

/**
 * Drops the cached detail of one event and every cached list page. Needs no permission: it
 * reveals nothing and changes no data. Throws when Redis could not be told, so the job that
 * runs it as the durable backstop retries.
 */
export async function invalidateEventCache({ ctx, input }: { ctx: Ctx; input: z.input<typeof invalidateEventCacheInput> }) {
  const { eventId } = invalidateEventCacheInput.parse(input);
  if (!(await eventCache().invalidate(eventId))) throw new Error(`Redis unavailable: event ${eventId} cache not invalidated yet`);
  ctx.log.debug({ eventId }, "events.cache_invalidated");
}

/**
 * Called by the use cases right after their commit, so the very next read sees the change. When
 * the use case joined a caller's transaction the commit is still ahead: the outbox job covers it.
 */
export async function invalidateAfterCommit(ctx: Ctx, eventId: string): Promise<void> {
  if (isTransaction(ctx.db)) return;
  if (!(await eventCache().invalidate(eventId))) ctx.log.warn({ eventId }, "events.cache_invalidation_deferred");
}
