import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaderRules } from "./security-headers";

const headersOf = (development: boolean) =>
  Object.fromEntries(securityHeaderRules({ development })[0]!.headers.map((h) => [h.key, h.value]));

describe("security headers", () => {
  it("sends CSP, nosniff, a referrer policy and HSTS on every production response", () => {
    const rules = securityHeaderRules({ development: false });
    expect(rules[0]!.source).toBe("/:path*");
    const headers = headersOf(false);
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["Strict-Transport-Security"]).toMatch(/^max-age=\d+; includeSubDomains$/);
  });

  it("forbids framing, plugins, foreign scripts and foreign form targets", () => {
    const csp = contentSecurityPolicy(false);
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "default-src 'self'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain("unsafe-eval");
  });

  it("allows what next dev needs only in development, without HSTS", () => {
    expect(contentSecurityPolicy(true)).toContain("'unsafe-eval'");
    expect(headersOf(true)["Strict-Transport-Security"]).toBeUndefined();
  });

  it("keeps the camera off everywhere but the door's scanner page", () => {
    const rules = securityHeaderRules({ development: false });
    expect(headersOf(false)["Permissions-Policy"]).toContain("camera=()");
    const scanner = rules.filter((r) => r.source === "/dashboard/events/:id/check-in");
    expect(scanner).toHaveLength(1);
    expect(scanner[0]!.headers).toEqual([{ key: "Permissions-Policy", value: expect.stringContaining("camera=(self)") }]);
    // Next applies matching rules in order, the later value winning: the scanner's comes last.
    expect(rules.indexOf(scanner[0]!)).toBeGreaterThan(0);
  });
});
