import { beforeAll, describe, expect, it } from "vitest";

let cors: typeof import("./cors");

beforeAll(async () => {
  // lib/env.ts reads the environment once, on first import.
  process.env.CORS_ORIGINS = "https://app.example.com, http://localhost:5173/";
  cors = await import("./cors");
});

const request = (origin?: string) => new Request("http://localhost/api/v1/events", { headers: origin ? { origin } : {} });

describe("CORS for /api/v1", () => {
  it("reads origins as a browser sends them", () => {
    expect(cors.parseCorsOrigins(" https://a.io/ ,https://a.io,http://b.io:8080")).toEqual(["https://a.io", "http://b.io:8080"]);
    expect(() => cors.parseCorsOrigins("not an origin")).toThrow(/not an origin/);
  });

  it("echoes an allowlisted origin on a response, and varies on Origin", () => {
    const response = Response.json({});
    cors.applyCors(request("http://localhost:5173"), response);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(response.headers.get("access-control-expose-headers")).toMatch(/X-Request-Id/);
    expect(response.headers.get("vary")).toMatch(/Origin/);
  });

  it("never allows an origin outside the list, even one that merely starts like an allowed one", () => {
    for (const origin of ["https://evil.example", "https://app.example.com.evil.io", "null"]) {
      const response = Response.json({});
      cors.applyCors(request(origin), response);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      expect(cors.preflightResponse(request(origin)).headers.get("access-control-allow-origin")).toBeNull();
    }
  });

  it("answers an allowlisted preflight with the methods and headers the API uses", () => {
    const response = cors.preflightResponse(request("https://app.example.com"));
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    expect(response.headers.get("access-control-allow-headers")).toMatch(/Idempotency-Key/);
    expect(response.headers.get("access-control-allow-methods")).toMatch(/PATCH/);
  });
});
