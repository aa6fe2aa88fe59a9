import { timingSafeEqual } from "node:crypto";
import { metricsRoute } from "@/app/api/v1/_contracts/ops";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { problemResponse } from "@/lib/http/problem";
import { withApi } from "@/lib/http/with-api";
import { metricsContentType, scrapeMetrics } from "@/lib/metrics/scrape";

export const dynamic = "force-dynamic";

function authorized(req: Request, token: string): boolean {
  const presented = Buffer.from(req.headers.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${token}`);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

export const GET = withApi(metricsRoute, async ({ req }) => {
  if (env.METRICS_TOKEN && !authorized(req, env.METRICS_TOKEN)) {
    return problemResponse(401, "UNAUTHENTICATED", "Metrics want `Authorization: Bearer <METRICS_TOKEN>`.", {
      headers: { "www-authenticate": "Bearer" },
    });
  }
  return new Response(await scrapeMetrics(getDb()), {
    headers: { "content-type": metricsContentType, "cache-control": "no-store" },
  });
});
