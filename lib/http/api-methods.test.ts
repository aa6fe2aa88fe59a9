import { describe, expect, it } from "vitest";
import { OPTIONS as preflight } from "@/app/api/cors-preflight/route";
import * as events from "@/app/api/v1/events/route";
import * as waitlistEntry from "@/app/api/v1/waitlist/[id]/route";

const context = { params: Promise.resolve({ id: "x" }) };

describe("every method of an /api/v1 route", () => {
  it("answers a method the route lacks with 405 problem+json, Allow and the request id", async () => {
    for (const method of ["PUT", "PATCH", "DELETE"] as const) {
      const res = await events[method](new Request("http://localhost/api/v1/events", { method, headers: { "x-request-id": "req-405" } }), context);
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS, POST");
      expect(res.headers.get("x-request-id")).toBe("req-405");
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(await res.json()).toMatchObject({ status: 405, code: "METHOD_NOT_ALLOWED", title: "Method Not Allowed" });
    }
    const get = await waitlistEntry.GET(new Request("http://localhost/api/v1/waitlist/x"), context);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("DELETE, OPTIONS, PATCH");
    expect(get.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers a plain OPTIONS 204 with Allow and the request id", async () => {
    const res = await events.OPTIONS(new Request("http://localhost/api/v1/events", { method: "OPTIONS", headers: { "x-request-id": "req-opt" } }), context);
    expect(res.status).toBe(204);
    expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS, POST");
    expect(res.headers.get("x-request-id")).toBe("req-opt");
  });

  it("routes HEAD to GET, as Next would", () => {
    expect(events.HEAD).toBe(events.GET);
  });

  it("gives a CORS preflight a request id", () => {
    const res = preflight(new Request("http://localhost/api/cors-preflight", { method: "OPTIONS", headers: { "x-request-id": "req-pre", "access-control-request-method": "POST" } }));
    expect(res.headers.get("x-request-id")).toBe("req-pre");
  });
});
