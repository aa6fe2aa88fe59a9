import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { clientIp, UNKNOWN_CLIENT_IP } from "./client-info";
import { PEER_ADDRESS_HEADER } from "./peer-address";

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

  it("trusts no proxy by default: rotated X-Forwarded-For and X-Real-IP headers all name the stamped peer", () => {
    const hops = parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32) }).TRUSTED_PROXY_HOPS;
    expect(hops).toBe(0);
    const peer = { [PEER_ADDRESS_HEADER]: "192.0.2.44" };
    const seen = new Set(["6.6.6.6", "7.7.7.7, 8.8.8.8", "198.51.100.1"].map((xff, i) => clientIp(h(xff, { "x-real-ip": `10.0.0.${i}`, ...peer }), hops)));
    expect([...seen]).toEqual(["192.0.2.44"]);
  });

  it("counts an unstamped request with no trusted proxy as the one unknown client", () => {
    expect(clientIp(h("6.6.6.6"), 0)).toBe(UNKNOWN_CLIENT_IP);
  });

  it("does not fall back to the client's X-Real-IP when a trusted proxy sent no X-Forwarded-For", () => {
    expect(clientIp(h(undefined, { "x-real-ip": "6.6.6.6" }), 1)).toBe(UNKNOWN_CLIENT_IP);
  });
});
