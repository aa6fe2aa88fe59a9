import { registry } from "@/lib/metrics/registry";

export type RequestErrorRate = {
  total: number;
  serverErrors: number;
  clientErrors: number;
  /** 5xx share of all answered requests, 0..1. */
  serverErrorRate: number;
  /** Routes with the most 5xx answers, worst first. */
  failingRoutes: { route: string; serverErrors: number }[];
};

/**
 * Reads `http_requests_total` from this process's prom-client registry: counts since the
 * process started, not a window, and only this instance (Prometheus aggregates across them).
 */
export async function requestErrorRate(): Promise<RequestErrorRate> {
  const counter = registry.getSingleMetric("http_requests_total");
  const values = counter ? (await counter.get()).values : [];
  let total = 0;
  let serverErrors = 0;
  let clientErrors = 0;
  const byRoute = new Map<string, number>();
  for (const { labels, value } of values) {
    const status = Number(labels.status);
    total += value;
    if (status >= 500) {
      serverErrors += value;
      const route = `${labels.method ?? ""} ${labels.route ?? ""}`.trim();
      byRoute.set(route, (byRoute.get(route) ?? 0) + value);
    } else if (status >= 400) clientErrors += value;
  }
  const failingRoutes = [...byRoute].map(([route, n]) => ({ route, serverErrors: n })).sort((a, b) => b.serverErrors - a.serverErrors).slice(0, 5);
  return { total, serverErrors, clientErrors, serverErrorRate: total ? serverErrors / total : 0, failingRoutes };
}
