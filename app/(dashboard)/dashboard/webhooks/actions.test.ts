import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createTestUser } from "@/lib/domain/auth/test-fixtures";
import { organizerWithOrganization } from "@/tests/harness/organizations";
import type { Actor } from "@/lib/domain/context";
import { createDeliveries, listDeliveries, listEndpoints } from "@/lib/domain/webhooks";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { createWebhookAction, redeliverWebhookAction, sendTestWebhookAction } from "./actions";

const web = vi.hoisted(() => ({ actor: { type: "anonymous" } as Actor }));
vi.mock("@/lib/web/current-actor", () => ({ currentActor: async () => web.actor }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

beforeEach(resetDatabase);

describe("the webhook form", () => {
  it("subscribes to the ticked boxes only and hands the secret back once", async () => {
    web.actor = (await organizerWithOrganization()).actor;
    const state = await createWebhookAction(null, form({ url: "http://127.0.0.1:9/hook", "type:order.confirmed": "on", "type:event.cancelled": "on" }));
    expect(state).toMatchObject({ ok: true, data: { url: "http://127.0.0.1:9/hook", secret: expect.stringMatching(/^whsec_/) } });
    const { data } = await listEndpoints({ ctx: testCtx(web.actor), input: {} });
    expect(data[0]!.events).toEqual(["order.confirmed", "event.cancelled"]);
  });

  it("asks for at least one box and keeps the typed address", async () => {
    web.actor = (await organizerWithOrganization()).actor;
    const state = await createWebhookAction(null, form({ url: "http://127.0.0.1:9/hook" }));
    expect(state).toMatchObject({ ok: false, fieldErrors: { events: expect.any(String) }, values: { url: "http://127.0.0.1:9/hook" } });
  });

  it("refuses attendees with a form error", async () => {
    web.actor = (await createTestUser()).actor;
    const state = await createWebhookAction(null, form({ url: "http://127.0.0.1:9/hook", "type:order.confirmed": "on" }));
    expect(state).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});

describe("the delivery log buttons", () => {
  it("queue a test and a resend for the owner and say not found to anyone else", async () => {
    const owner = await organizerWithOrganization();
    web.actor = owner.actor;
    const created = await createWebhookAction(null, form({ url: "http://127.0.0.1:9/hook", "type:event.updated": "on" }));
    const id = created.ok ? created.data.id : "";
    await createDeliveries({ ctx: testCtx(), input: { messageId: randomUUID(), type: "event.updated", timestamp: new Date().toISOString(), organizationId: owner.organizationId, organizerId: owner.id, data: {} } });
    const [delivery] = (await listDeliveries({ ctx: testCtx(owner.actor), input: { endpointId: id } })).data;

    expect(await sendTestWebhookAction(null, form({ id }))).toMatchObject({ ok: true });
    expect(await redeliverWebhookAction(null, form({ id, deliveryId: delivery!.id }))).toMatchObject({ ok: true });
    expect((await listDeliveries({ ctx: testCtx(owner.actor), input: { endpointId: id } })).data.map((d) => d.event).sort()).toEqual(["event.updated", "webhook.test"]);

    web.actor = (await organizerWithOrganization()).actor;
    expect(await sendTestWebhookAction(null, form({ id }))).toMatchObject({ ok: false, code: "WEBHOOK_NOT_FOUND" });
    expect(await redeliverWebhookAction(null, form({ id, deliveryId: delivery!.id }))).toMatchObject({ ok: false, code: "WEBHOOK_NOT_FOUND" });
  });
});
