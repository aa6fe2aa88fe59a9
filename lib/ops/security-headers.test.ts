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

  it("lets every page of this origin, and no other origin, use the camera, since the scanner keeps the policy of the page first loaded", () => {
    const rules = securityHeaderRules({ development: false });
    expect(rules.map((r) => r.source)).toEqual(["/:path*"]);
    expect(headersOf(false)["Permissions-Policy"]).toBe("camera=(self), microphone=(), geolocation=(), payment=()");
  });
});
