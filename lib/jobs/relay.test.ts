import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { inngestSender } from "./relay";

describe("inngestSender", () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

  it("posts outbox events with their ids to the Inngest event API, not back into the outbox", async () => {
    const received: { url?: string; body: unknown }[] = [];
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        const events = JSON.parse(body) as { id: string }[];
        received.push({ url: req.url, body: events });
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ ids: events.map((e) => e.id), status: 200 }));
      });
    });
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    const send = inngestSender({ eventKey: "test-key", baseUrl: `http://127.0.0.1:${port}`, isDev: true });
    const event = {
      id: "0b6c1d64-5f0e-4c4b-9a55-3f7a8f0d2a11",
      name: "platform.demo_requested",
      data: { to: "ann@example.com" },
      ts: 1_700_000_000_000,
      meta: { sessions: { requestId: "req-1" } },
    };

    await send([event]);

    expect(received).toHaveLength(1);
    expect(received[0]!.url).toBe("/e/test-key");
    expect(received[0]!.body).toEqual([expect.objectContaining({ id: event.id, name: event.name, data: event.data })]);
  });
});
