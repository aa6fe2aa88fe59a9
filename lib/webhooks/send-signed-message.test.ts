import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { startReceiver } from "@/tests/harness/webhook-receiver";
import { sendSignedMessage } from "./send-signed-message";

const secret = `whsec_${Buffer.from("a".repeat(24)).toString("base64")}`;

beforeAll(() => {
  env.WEBHOOK_ALLOW_PRIVATE = true;
});
afterAll(() => {
  env.WEBHOOK_ALLOW_PRIVATE = false;
});

describe("sendSignedMessage", () => {
  it("posts the body with Standard Webhooks headers that verify with the secret", async () => {
    const receiver = await startReceiver();
    try {
      const body = JSON.stringify({ type: "event.updated", timestamp: new Date().toISOString(), data: { a: 1 } });
      const outcome = await sendSignedMessage({ url: receiver.url, secret, messageId: "msg-1", body, sentAt: new Date() });
      expect(outcome).toMatchObject({ succeeded: true, responseStatus: 200, error: null });
      const [got] = receiver.received;
      expect(got!.headers["content-type"]).toBe("application/json");
      expect(got!.headers["webhook-id"]).toBe("msg-1");
      expect(new Webhook(secret).verify(got!.body, got!.headers)).toEqual(JSON.parse(body));
      expect(() => new Webhook(`whsec_${Buffer.from("b".repeat(24)).toString("base64")}`).verify(got!.body, got!.headers)).toThrow();
    } finally {
      await receiver.close();
    }
  });

  it("gives up on a receiver that does not answer in time and says so", async () => {
    const silent = http.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const outcome = await sendSignedMessage({ url: `http://127.0.0.1:${port}/`, secret, messageId: "msg-2", body: "{}", sentAt: new Date(), timeoutMs: 300 });
      expect(outcome).toMatchObject({ succeeded: false, responseStatus: null, error: "No answer within 0.3 seconds" });
      expect(outcome.durationMs).toBeGreaterThanOrEqual(250);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it("reports a refused connection without throwing", async () => {
    const outcome = await sendSignedMessage({ url: "http://127.0.0.1:9/", secret, messageId: "msg-3", body: "{}", sentAt: new Date() });
    expect(outcome).toMatchObject({ succeeded: false, responseStatus: null, error: expect.stringContaining("ECONNREFUSED") });
  });
});
