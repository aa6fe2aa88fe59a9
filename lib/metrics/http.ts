import { Counter, Histogram } from "prom-client";
import { metric } from "./registry";

const requests = metric(
  "http_requests_total",
  (r) =>
    new Counter({ name: "http_requests_total", help: "HTTP requests answered", labelNames: ["method", "route", "status"], registers: [r] }),
);
const duration = metric(
  "http_request_duration_seconds",
  (r) =>
    new Histogram({
      name: "http_request_duration_seconds",
      help: "HTTP request duration",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [r],
    }),
);

/** `route` is the route template (/api/v1/events/[id]), never the raw URL, to keep label cardinality bounded. */
export function recordHttpRequest(method: string, route: string, status: number, seconds: number): void {
  const labels = { method, route, status: String(status) };
  requests.inc(labels);
  duration.observe(labels, seconds);
}
