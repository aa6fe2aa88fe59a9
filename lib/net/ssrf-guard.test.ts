import { describe, expect, it } from "vitest";
import { checkUrl, isPrivateAddress, UnsafeUrl } from "./ssrf-guard";

const production = { httpsOnly: true, publicOnly: true };

describe("the SSRF guard in production", () => {
  it.each([
    "https://127.0.0.1/hook",
    "https://127.1.2.3/hook",
    "https://10.0.0.5/hook",
    "https://169.254.169.254/latest/meta-data",
    "https://[::1]/hook",
    "https://[::ffff:127.0.0.1]/hook",
    "https://[::ffff:a00:1]/hook",
    "https://[fe80::1]/hook",
    "https://[fd00::1]/hook",
    "https://100.64.0.1/hook",
    "https://0.0.0.0/hook",
    "https://[::]/hook",
    "https://224.0.0.1/hook",
    "https://192.168.1.1/hook",
    "https://172.16.0.1/hook",
    "https://2130706433/hook",
    "https://localhost/hook",
  ])("refuses %s", async (url) => {
    await expect(checkUrl(url, production)).rejects.toBeInstanceOf(UnsafeUrl);
  });

  it("refuses plain http, even to a public address", async () => {
    await expect(checkUrl("http://93.184.215.14/hook", production)).rejects.toThrow("https");
  });

  it("refuses URLs carrying credentials and other schemes", async () => {
    await expect(checkUrl("https://user:pw@93.184.215.14/", production)).rejects.toBeInstanceOf(UnsafeUrl);
    await expect(checkUrl("ftp://93.184.215.14/", production)).rejects.toBeInstanceOf(UnsafeUrl);
    await expect(checkUrl("not a url", production)).rejects.toBeInstanceOf(UnsafeUrl);
  });

  it("accepts a public address and returns it as the one to connect to", async () => {
    await expect(checkUrl("https://93.184.215.14/hook", production)).resolves.toMatchObject({ address: "93.184.215.14", family: 4 });
    await expect(checkUrl("https://[2606:4700::1111]/hook", production)).resolves.toMatchObject({ family: 6 });
  });
});

describe("the SSRF guard for local testing", () => {
  it("lets a receiver on loopback through, resolved as usual, when the policy allows private addresses", async () => {
    await expect(checkUrl("http://127.0.0.1:9/hook", { httpsOnly: false, publicOnly: false })).resolves.toMatchObject({ address: null });
    await expect(checkUrl("ftp://127.0.0.1/", { httpsOnly: false, publicOnly: false })).rejects.toBeInstanceOf(UnsafeUrl);
  });
});

describe("isPrivateAddress", () => {
  it("refuses every IPv4-mapped form, passes public addresses and treats garbage as private", () => {
    expect(isPrivateAddress("::ffff:7f00:1")).toBe(true);
    expect(isPrivateAddress("::ffff:8.8.8.8")).toBe(true);
    expect(isPrivateAddress("8.8.8.8")).toBe(false);
    expect(isPrivateAddress("2606:4700::1111")).toBe(false);
    expect(isPrivateAddress("nonsense")).toBe(true);
  });
});
