import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("safeNext", () => {
  it.each([
    ["/%0A/x", "/"],
    ["/%00", "/"],
    ["/%09/evil.example", "/"],
    ["/caf%C3%A9/%E2%98%83", "/caf%C3%A9/%E2%98%83"],
  ])("answers the sign-in page's ?next=%s (as Next decodes it) with %s", (raw, expected) => {
    expect(safeNext(decodeURIComponent(raw))).toBe(expected);
  });

  it("keeps a same-site path with its query and fragment", () => {
    expect(safeNext("/events/abc?tab=seats#book")).toBe("/events/abc?tab=seats#book");
  });

  it.each([
    ["//evil.example"],
    ["/\\evil.example"],
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["/\r\n/evil.example"],
    ["/\u0000/evil.example"],
    ["\t//evil.example"],
    ["https://evil.example"],
    ["javascript:alert(1)"],
    ["evil.example"],
    [""],
  ])("refuses %j, which would leave the site", (next) => {
    expect(safeNext(next)).toBe("/");
  });

  it("strips control characters from a same-site path, so the Location header is valid", () => {
    expect(safeNext("/a\n/x")).toBe("/a/x");
    expect(safeNext("/bookings\u0000")).toBe("/bookings");
    expect(safeNext("/a\u0085b")).toBe("/ab");
  });

  it("percent-encodes characters outside Latin-1 (and outside ASCII) instead of sending them raw", () => {
    const target = safeNext("/events?q=東京 ☃#ü");
    expect(target).toBe("/events?q=%E6%9D%B1%E4%BA%AC%20%E2%98%83#%C3%BC");
    expect([...target].every((c) => c.charCodeAt(0) < 0x7f)).toBe(true);
  });

  it("falls back when the parameter is repeated or missing", () => {
    expect(safeNext(["/a", "/b"])).toBe("/");
    expect(safeNext(undefined, "/bookings")).toBe("/bookings");
  });
});
