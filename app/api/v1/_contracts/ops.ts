import { z } from "zod";
import { defineRoute } from "@/lib/http/contract";

const check = z.object({
  status: z.enum(["ok", "degraded", "down", "not_configured"]),
  latencyMs: z.number(),
  detail: z.unknown().optional(),
});

export const healthRoute = defineRoute({
  method: "GET",
  path: "/api/health",
  operationId: "getHealth",
  tokenScope: null,
  summary: "Liveness and dependency checks",
  tags: ["operations"],
  auth: "none",
  responses: {
    200: {
      description:
        "Serving; `degraded` when an accelerator (Redis, jobs) is impaired, no jobs worker is alive while work waits, or a dependency's circuit is open, with the reasons in words",
      schema: z.object({
        status: z.enum(["ok", "degraded"]),
        checks: z.object({ database: check, redis: check, jobs: check, workers: check }),
        circuits: z.record(z.string(), z.enum(["closed", "half_open", "open"])),
        reasons: z.array(z.string()),
        notes: z.array(z.string()),
      }), example: { status: "ok", checks: { database: { status: "ok", latencyMs: 1.2 }, redis: { status: "ok", latencyMs: 0.4 }, jobs: { status: "ok", latencyMs: 2.1 }, workers: { status: "ok", latencyMs: 0.9 } }, circuits: { redis: "closed" }, reasons: [], notes: [] } },
  },
  errors: { 503: ["DATABASE_UNAVAILABLE"] },
});

export const infoRoute = defineRoute({
  method: "GET",
  path: "/api/info",
  operationId: "getInfo",
  tokenScope: null,
  summary: "Build and feature information",
  tags: ["operations"],
  auth: "none",
  responses: {
    200: {
      description: "What is running",
      schema: z.object({
        name: z.string(),
        version: z.string(),
        commit: z.string(),
        startedAt: z.string(),
        features: z.record(z.string(), z.unknown()),
      }), example: { name: "evently", version: "0.1.0", commit: "20c346f", startedAt: "2026-12-06T08:00:00.000Z", features: { payments: "test" } } },
  },
});

export const openApiRoute = defineRoute({
  method: "GET",
  path: "/api/v1/openapi.json",
  operationId: "getOpenApiDocument",
  tokenScope: null,
  summary: "This document",
  tags: ["operations"],
  auth: "none",
  responses: { 200: { description: "OpenAPI 3.1 document" } },
});

export const metricsRoute = defineRoute({
  method: "GET",
  path: "/api/metrics",
  operationId: "getMetrics",
  tokenScope: null,
  summary: "Prometheus metrics",
  tags: ["operations"],
  auth: "none",
  responses: {
    200: {
      description:
        "Prometheus text format: HTTP requests by route template, database connections, cache, jobs, circuits, bookings. Wants `Authorization: Bearer <METRICS_TOKEN>` when that is configured.",
      schema: z.string(),
      contentType: "text/plain; version=0.0.4", example: '# TYPE http_requests_total counter\nhttp_requests_total{method="GET",route="/api/v1/events",status="200"} 42\n' },
  },
  errors: { 401: ["UNAUTHENTICATED"] },
});
