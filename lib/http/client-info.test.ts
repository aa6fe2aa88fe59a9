import { describe, expect, it } from "vitest";
import { clientIp } from "./client-info";

const h = (xff?: string) => new Headers(xff ? { "x-forwarded-for": xff } : {});

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

  it("ignores the header when no proxy is trusted", () => {
    expect(clientIp(h("6.6.6.6"), 0)).toBe("unknown");
  });
});
