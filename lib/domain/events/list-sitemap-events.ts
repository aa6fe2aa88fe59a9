import { desc, eq } from "drizzle-orm";
import type { Ctx } from "@/lib/domain/context";
import { events } from "./schema";

/** The protocol's limit per sitemap file (sitemaps.org): past it a site needs a sitemap index. */
export const SITEMAP_LIMIT = 50_000;

/**
 * Published event pages for search engines, latest start first so the freshest survive the
 * limit; served by events_published_starts_at_idx. Drafts and withdrawn events are private.
 */
export async function listSitemapEvents({ ctx }: { ctx: Ctx }): Promise<{ id: string; updatedAt: Date }[]> {
  return ctx.db
    .select({ id: events.id, updatedAt: events.updatedAt })
    .from(events)
    .where(eq(events.status, "published"))
    .orderBy(desc(events.startsAt), desc(events.id))
    .limit(SITEMAP_LIMIT);
}
