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
      }),
    },
  },
  errors: [503],
});

export const infoRoute = defineRoute({
  method: "GET",
  path: "/api/info",
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
      }),
    },
  },
});

export const openApiRoute = defineRoute({
  method: "GET",
  path: "/api/v1/openapi.json",
  summary: "This document",
  tags: ["operations"],
  auth: "none",
  responses: { 200: { description: "OpenAPI 3.1 document" } },
});

export const metricsRoute = defineRoute({
  method: "GET",
  path: "/api/metrics",
  summary: "Prometheus metrics",
  tags: ["operations"],
  auth: "none",
  responses: {
    200: {
      description:
        "Prometheus text format: HTTP requests by route template, database connections, cache, jobs, circuits, bookings. Wants `Authorization: Bearer <METRICS_TOKEN>` when that is configured.",
      schema: z.string(),
      contentType: "text/plain; version=0.0.4",
    },
  },
  errors: [401],
});
