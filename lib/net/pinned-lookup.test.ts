import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { startReceiver } from "@/tests/harness/webhook-receiver";
import { pinnedLookup } from "./pinned-lookup";

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

describe("pinnedLookup", () => {
  it("connects to the pinned address whatever the host name resolves to, keeping the name in the Host header", async () => {
    const receiver = await startReceiver();
    close = receiver.close;
    const port = new URL(receiver.url).port;
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`http://never-resolves.invalid:${port}/hook`, { method: "POST", lookup: pinnedLookup("127.0.0.1", 4), agent: false }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
      req.end("{}");
    });
    expect(status).toBe(200);
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.headers.host).toBe(`never-resolves.invalid:${port}`);
  });
});
