import { describe, expect, it } from "vitest";
import { DELETE, GET, OPTIONS, POST } from "./route";

describe("an unknown /api/v1 path", () => {
  it("answers 404 problem+json with the caller's request id, whatever the method", async () => {
    for (const handler of [GET, POST, DELETE, OPTIONS]) {
      const res = handler(new Request("http://localhost/api/v1/no-such-route", { headers: { "x-request-id": "req-unknown-1" } }));
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.headers.get("x-request-id")).toBe("req-unknown-1");
      expect(await res.json()).toMatchObject({ status: 404, code: "NOT_FOUND", title: "Not Found", type: expect.any(String), detail: expect.any(String) });
    }
  });

  it("mints a request id when the caller sent none", () => {
    expect(GET(new Request("http://localhost/api/v1/nope")).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
