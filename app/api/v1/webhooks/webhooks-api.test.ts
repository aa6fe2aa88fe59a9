import { beforeEach, describe, expect, it } from "vitest";
import { callRoute } from "@/app/api/v1/auth/_test/call-route";
import { createTestTokens } from "@/lib/domain/auth/test-fixtures";
import { createDeliveries } from "@/lib/domain/webhooks";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { DELETE as deleteWebhook } from "./[id]/route";
import { GET as listDeliveries } from "./[id]/deliveries/route";
import { POST as redeliver } from "./[id]/deliveries/[deliveryId]/redeliver/route";
import { POST as testSend } from "./[id]/test/route";
import { POST as createToken } from "@/app/api/v1/me/tokens/route";
import { GET as list, POST as create } from "./route";

beforeEach(resetDatabase);

const body = { url: "http://127.0.0.1:9/hook", events: ["event.updated"] };

async function createFor(token: string) {
  const res = await callRoute(create, "POST", "/api/v1/webhooks", { token, body });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; secret: string; organizationId: string };
}

describe("POST /api/v1/webhooks", () => {
  it("answers 201 with the secret once and no-store; the list has no secret", async () => {
    const organizer = await createTestTokens({ role: "organizer" });
    const res = await callRoute(create, "POST", "/api/v1/webhooks", { token: organizer.accessToken, body });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const created = await res.json();
    expect(created).toMatchObject({ url: body.url, events: ["event.updated"], enabled: true, secret: expect.stringMatching(/^whsec_/) });
    const listed = await callRoute(list, "GET", "/api/v1/webhooks", { token: organizer.accessToken });
    expect(listed.status).toBe(200);
    const text = await listed.text();
    expect(JSON.parse(text).data).toHaveLength(1);
    expect(text).not.toContain(created.secret);
  });

  it("checks in API.md order: 401 without a token, 403 for an attendee even with a bad body, then 422 for unknown event types", async () => {
    expect((await callRoute(create, "POST", "/api/v1/webhooks", { body })).status).toBe(401);
    const attendee = await createTestTokens();
    const refused = await callRoute(create, "POST", "/api/v1/webhooks", { token: attendee.accessToken, body: { url: 5, events: ["nope"] } });
    expect(refused.status).toBe(403);
    const organizer = await createTestTokens({ role: "organizer" });
    const invalid = await callRoute(create, "POST", "/api/v1/webhooks", { token: organizer.accessToken, body: { url: body.url, events: ["booking.confirmed"] } });
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toMatchObject({ errors: [expect.objectContaining({ path: expect.stringContaining("events") })] });
  });
});

describe("an endpoint's own routes", () => {
  it("answer 404 to another organizer and work for the owner", async () => {
    const owner = await createTestTokens({ role: "organizer" });
    const other = await createTestTokens({ role: "organizer" });
    const { id, organizationId } = await createFor(owner.accessToken);
    await createDeliveries({
      ctx: testCtx(),
      input: { messageId: "fact-1", type: "event.updated", timestamp: new Date().toISOString(), organizationId, organizerId: owner.userId, data: {} },
    });
    const path = `/api/v1/webhooks/${id}`;
    const ownerLog = await callRoute(listDeliveries, "GET", `${path}/deliveries`, { token: owner.accessToken, params: { id } });
    expect(ownerLog.status).toBe(200);
    const [delivery] = (await ownerLog.json()).data;
    expect(delivery).toMatchObject({ webhookId: "fact-1", event: "event.updated", status: "pending", attempts: 0 });
    const deliveryId = delivery.id as string;

    for (const [handler, method, url, params] of [
      [listDeliveries, "GET", `${path}/deliveries`, { id }],
      [redeliver, "POST", `${path}/deliveries/${deliveryId}/redeliver`, { id, deliveryId }],
      [testSend, "POST", `${path}/test`, { id }],
      [deleteWebhook, "DELETE", path, { id }],
    ] as const) {
      const res = await callRoute(handler, method, url, { token: other.accessToken, params });
      expect(res.status, `${method} ${url}`).toBe(404);
    }

    expect((await callRoute(redeliver, "POST", `${path}/deliveries/${deliveryId}/redeliver`, { token: owner.accessToken, params: { id, deliveryId } })).status).toBe(202);
    const tested = await callRoute(testSend, "POST", `${path}/test`, { token: owner.accessToken, params: { id } });
    expect(tested.status).toBe(202);
    expect(await tested.json()).toMatchObject({ event: "webhook.test", status: "pending" });
    expect((await callRoute(deleteWebhook, "DELETE", path, { token: owner.accessToken, params: { id } })).status).toBe(204);
    expect((await callRoute(deleteWebhook, "DELETE", path, { token: owner.accessToken, params: { id } })).status).toBe(404);
  });
});

describe("an integration's API token", () => {
  it("registers and lists endpoints with the webhooks:write scope, and gets 403 INSUFFICIENT_SCOPE without it", async () => {
    const organizer = await createTestTokens({ role: "organizer" });
    const mint = async (scopes: string[]) => {
      const res = await callRoute(createToken, "POST", "/api/v1/me/tokens", { token: organizer.accessToken, body: { name: "CRM", scopes } });
      expect(res.status).toBe(201);
      return ((await res.json()) as { token: string }).token;
    };
    const writer = await mint(["webhooks:write"]);
    const reader = await mint(["events:read"]);

    const refused = await callRoute(create, "POST", "/api/v1/webhooks", { token: reader, body });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "INSUFFICIENT_SCOPE" });
    expect((await callRoute(list, "GET", "/api/v1/webhooks", { token: reader })).status).toBe(403);

    const { id } = await createFor(writer);
    const listed = await callRoute(list, "GET", "/api/v1/webhooks", { token: writer });
    expect(listed.status).toBe(200);
    expect((await listed.json()).data.map((e: { id: string }) => e.id)).toEqual([id]);
    // The endpoint is the organization's: the signed-in owner sees the one the token added.
    const bySession = await callRoute(list, "GET", "/api/v1/webhooks", { token: organizer.accessToken });
    expect((await bySession.json()).data.map((e: { id: string }) => e.id)).toEqual([id]);
  });
});
