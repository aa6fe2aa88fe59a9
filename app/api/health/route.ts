import { healthRoute } from "@/app/api/v1/_contracts/ops";
import { getDb } from "@/lib/db/client";
import { problemResponse } from "@/lib/http/problem";
import { json, withApi } from "@/lib/http/with-api";
import { checkHealth } from "@/lib/ops/health";

export const dynamic = "force-dynamic";

export const GET = withApi(healthRoute, async () => {
  const health = await checkHealth(getDb());
  const headers = { "cache-control": "no-store" };
  if (health.status === "down") {
    return problemResponse(503, "DATABASE_UNAVAILABLE", "Postgres is unreachable.", { headers, extensions: { checks: health.checks, reasons: health.reasons } });
  }
  return json(health, 200, headers);
});
