import { describe, expect, it } from "vitest";
import { isCrossOriginAction, isMalformedPath, malformedPathResponse } from "./edge-refusals";

describe("requests refused before Next routes them", () => {
  it.each(["/api/v1/events/%E0%A4%A", "/events/%ZZ", "/events/%", "/events/%E0%A4", "/x/%C0%AF"])("finds %s malformed", (path) => {
    expect(isMalformedPath(path)).toBe(true);
  });

  it.each(["/events/caf%C3%A9", "/events/%25ZZ", "/api/v1/events", "/"])("lets %s through", (path) => {
    expect(isMalformedPath(path)).toBe(false);
  });

  it("answers a malformed API path with 400 problem+json and the request id", async () => {
    const res = malformedPathResponse(new Request("http://localhost/x", { headers: { "x-request-id": "req-pct" } }), "/api/v1/events/%E0%A4%A");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("x-request-id")).toBe("req-pct");
    expect(await res.json()).toMatchObject({ code: "MALFORMED_PATH" });
    expect(malformedPathResponse(new Request("http://localhost/x"), "/events/%ZZ").headers.get("content-type")).toMatch(/^text\/html/);
  });

  it("refuses a server action whose Origin is neither the host, the forwarded host nor the allowed one, as Next does", () => {
    const check = (headers: Record<string, string>) => isCrossOriginAction(new Headers(headers), "app.example.com");
    expect(check({ origin: "https://evil.example", host: "app.internal:3000" })).toBe(true);
    expect(check({ origin: "null", host: "app.internal:3000" })).toBe(true);
    expect(check({ origin: "http://app.internal:3000", host: "app.internal:3000" })).toBe(false);
    expect(check({ origin: "https://app.example.com", host: "app.internal:3000" })).toBe(false);
    expect(check({ origin: "https://edge.example", host: "app.internal:3000", "x-forwarded-host": "edge.example, proxy" })).toBe(false);
    expect(check({ host: "app.internal:3000" })).toBe(false);
  });
});
