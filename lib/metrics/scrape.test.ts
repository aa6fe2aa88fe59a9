import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/metrics/route";
import { countSoldOut } from "./domain";

const scrape = async () => {
  const res = await GET(new Request("http://localhost/api/metrics"), { params: Promise.resolve({}) });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
  return res.text();
};

describe("GET /api/metrics", () => {
  it("exposes HTTP requests by route template, pool usage and domain counters in Prometheus text", async () => {
    countSoldOut();
    await scrape();
    const text = await scrape();

    expect(text).toContain('http_requests_total{method="GET",route="/api/metrics",status="200"}');
    expect(text).toContain("# TYPE http_request_duration_seconds histogram");
    expect(text).toMatch(/db_connections\{state="idle"\} \d+/);
    expect(text).toMatch(/db_pool_max_connections \d+/);
    expect(text).toMatch(/bookings_sold_out_total 1/);
    expect(text).toMatch(/circuit_state\{circuit="redis"\} 0/);
    expect(text).toMatch(/jobs_backlog \d+/);
    expect(text).toMatch(/jobs_dead \d+/);
    expect(text).toContain("process_resident_memory_bytes");
  });
});
