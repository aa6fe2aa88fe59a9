import type { MetadataRoute } from "next";
import { getDb } from "@/lib/db/client";
import { anonymous } from "@/lib/domain/context";
import { listSitemapEvents } from "@/lib/domain/events";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";

// Built per request from the database (a build has none), and cached by crawlers' own schedules.
export const dynamic = "force-dynamic";

/** The home page and every published event page (drafts never). */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const ctx = { actor: anonymous, db: getDb(), requestId: "sitemap", log: logger, now: () => new Date() };
  const events = await listSitemapEvents({ ctx });
  return [
    { url: new URL("/", env.APP_URL).toString(), changeFrequency: "hourly", priority: 1 },
    ...events.map((event) => ({ url: new URL(`/events/${event.id}`, env.APP_URL).toString(), lastModified: event.updatedAt, changeFrequency: "daily" as const })),
  ];
}
