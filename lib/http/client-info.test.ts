import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { clientIp, UNKNOWN_CLIENT_IP } from "./client-info";

const h = (xff?: string, extra: Record<string, string> = {}) => new Headers({ ...(xff ? { "x-forwarded-for": xff } : {}), ...extra });

describe("clientIp", () => {
  it("takes the address our one trusted proxy appended, not the one a client put first", () => {
    expect(clientIp(h("6.6.6.6, 203.0.113.9"), 1)).toBe("203.0.113.9");
  });

  it("counts back through several trusted proxies", () => {
    expect(clientIp(h("6.6.6.6, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
  });

  it("uses the only entry when the chain is shorter than the trusted hops", () => {
    expect(clientIp(h("198.51.100.7"), 3)).toBe("198.51.100.7");
  });

  it("trusts no proxy by default, so rotated X-Forwarded-For and X-Real-IP headers all name one client", () => {
    const hops = parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32) }).TRUSTED_PROXY_HOPS;
    expect(hops).toBe(0);
    const seen = new Set(["6.6.6.6", "7.7.7.7, 8.8.8.8", "198.51.100.1"].map((xff, i) => clientIp(h(xff, { "x-real-ip": `10.0.0.${i}` }), hops)));
    expect([...seen]).toEqual([UNKNOWN_CLIENT_IP]);
  });

  it("does not fall back to the client's X-Real-IP when a trusted proxy sent no X-Forwarded-For", () => {
    expect(clientIp(h(undefined, { "x-real-ip": "6.6.6.6" }), 1)).toBe(UNKNOWN_CLIENT_IP);
  });
});
