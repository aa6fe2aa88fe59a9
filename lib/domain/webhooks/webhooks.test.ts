import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { ZodError } from "zod";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createTestUser } from "@/lib/domain/auth/test-fixtures";
import { memberOf, organizerWithOrganization } from "@/tests/harness/organizations";
import { env } from "@/lib/env";
import { outbox } from "@/lib/jobs/schema";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import {
  createDeliveries,
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  listDeliveries,
  listEndpoints,
  purgeWebhookDeliveries,
  redeliver,
  sendTestMessage,
} from "./index";
import { deliveries, endpoints } from "./schema";

beforeEach(resetDatabase);

/** A fact of an event of `owner`'s organization (or, with organizationId null, of one outside any that `owner` organizes). */
function fact(owner: { id: string; organizationId: string | null }, type = "event.updated") {
  return { messageId: randomUUID(), type, timestamp: new Date().toISOString(), organizationId: owner.organizationId, organizerId: owner.id, data: { hello: "world" } };
}

describe("creating an endpoint", () => {
  afterEach(() => {
    env.NODE_ENV = "test";
    env.WEBHOOK_ALLOW_PRIVATE = false;
  });

  it("returns the secret once, in the Standard Webhooks form, and lists never show it", async () => {
    const organizer = await organizerWithOrganization();
    const ctx = testCtx(organizer.actor);
    const created = await createEndpoint({ ctx, input: { url: "http://127.0.0.1:9/hook", events: ["event.updated", "event.updated", "order.confirmed"] } });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(created.events).toEqual(["event.updated", "order.confirmed"]);
    expect(created.organizationId).toBe(organizer.organizationId);
    const { data } = await listEndpoints({ ctx, input: {} });
    expect(data).toHaveLength(1);
    expect(data[0]).not.toHaveProperty("secret");
    expect(JSON.stringify(data)).not.toContain(created.secret);
  });

  it("refuses attendees, unknown event types and an empty list", async () => {
    const attendee = await createTestUser();
    await expect(createEndpoint({ ctx: testCtx(attendee.actor), input: { url: "http://127.0.0.1:9/", events: ["event.updated"] } })).rejects.toMatchObject({ kind: "Forbidden" });
    const organizer = await organizerWithOrganization();
    const ctx = testCtx(organizer.actor);
    await expect(createEndpoint({ ctx, input: { url: "http://127.0.0.1:9/", events: ["booking.confirmed" as never] } })).rejects.toBeInstanceOf(ZodError);
    await expect(createEndpoint({ ctx, input: { url: "http://127.0.0.1:9/", events: [] } })).rejects.toBeInstanceOf(ZodError);
  });

  it.each(["https://127.0.0.1/hook", "https://10.1.2.3/hook", "https://169.254.169.254/", "https://[::1]/hook", "https://[::ffff:127.0.0.1]/hook", "http://93.184.215.14/hook"])(
    "in production refuses %s with a 422 on the url field",
    async (url) => {
      env.NODE_ENV = "production";
      const organizer = await organizerWithOrganization();
      await expect(createEndpoint({ ctx: testCtx(organizer.actor), input: { url, events: ["event.updated"] } })).rejects.toMatchObject({
        kind: "Validation",
        code: "WEBHOOK_URL_REFUSED",
        fieldErrors: [{ path: "url" }],
      });
    },
  );

  it("in production takes a loopback receiver when WEBHOOK_ALLOW_PRIVATE is set", async () => {
    env.NODE_ENV = "production";
    env.WEBHOOK_ALLOW_PRIVATE = true;
    const organizer = await organizerWithOrganization();
    await expect(createEndpoint({ ctx: testCtx(organizer.actor), input: { url: "http://127.0.0.1:9/hook", events: ["event.updated"] } })).resolves.toMatchObject({ enabled: true });
  });
});

describe("who sees and changes an endpoint", () => {
  it("answers 404 to everyone who may not manage its organization's webhooks, admins outside it included, for every verb", async () => {
    const owner = await organizerWithOrganization();
    const endpoint = await createEndpoint({ ctx: testCtx(owner.actor), input: { url: "http://127.0.0.1:9/", events: ["event.updated"] } });
    await createDeliveries({ ctx: testCtx(), input: fact(owner) });
    const [delivery] = await getDb().select().from(deliveries);
    const outsiders = [
      (await organizerWithOrganization()).actor,
      (await createTestUser({ role: "admin" })).actor,
      (await memberOf(owner.actor, owner.organizationId, "checkin")).actor,
      (await memberOf(owner.actor, owner.organizationId, "finance")).actor,
    ];
    for (const actor of outsiders) {
      const other = testCtx(actor);
      const notFound = { kind: "NotFound", code: "WEBHOOK_NOT_FOUND" };
      await expect(listDeliveries({ ctx: other, input: { endpointId: endpoint.id } })).rejects.toMatchObject(notFound);
      await expect(redeliver({ ctx: other, input: { endpointId: endpoint.id, deliveryId: delivery!.id } })).rejects.toMatchObject(notFound);
      await expect(sendTestMessage({ ctx: other, input: { endpointId: endpoint.id } })).rejects.toMatchObject(notFound);
      await expect(deleteEndpoint({ ctx: other, input: { id: endpoint.id } })).rejects.toMatchObject(notFound);
      await expect(getEndpoint({ ctx: other, input: { id: endpoint.id } })).rejects.toMatchObject(notFound);
      expect((await listEndpoints({ ctx: other, input: {} })).data).toEqual([]);
    }
    expect(await getDb().select().from(endpoints)).toHaveLength(1);
    expect(await getEndpoint({ ctx: testCtx(owner.actor), input: { id: endpoint.id } })).toMatchObject({ id: endpoint.id, url: endpoint.url });
    await deleteEndpoint({ ctx: testCtx(owner.actor), input: { id: endpoint.id } });
    expect(await getDb().select().from(deliveries)).toHaveLength(0);
  });

  it("lets a manager of the organization see, test and redeliver an endpoint the owner added, and add one the owner sees", async () => {
    const owner = await organizerWithOrganization();
    const manager = await memberOf(owner.actor, owner.organizationId, "manager");
    const ownersEndpoint = await createEndpoint({ ctx: testCtx(owner.actor), input: { url: "http://127.0.0.1:9/owner", events: ["event.updated"] } });
    await createDeliveries({ ctx: testCtx(), input: fact(owner) });
    const [delivery] = await getDb().select().from(deliveries);
    const ctx = testCtx(manager.actor);

    await expect(redeliver({ ctx, input: { endpointId: ownersEndpoint.id, deliveryId: delivery!.id } })).resolves.toMatchObject({ status: "pending" });
    await expect(sendTestMessage({ ctx, input: { endpointId: ownersEndpoint.id } })).resolves.toMatchObject({ event: "webhook.test" });
    const managersEndpoint = await createEndpoint({ ctx, input: { url: "http://127.0.0.1:9/manager", events: ["order.confirmed"] } });
    expect(managersEndpoint.organizationId).toBe(owner.organizationId);
    const seenByOwner = (await listEndpoints({ ctx: testCtx(owner.actor), input: {} })).data.map((e) => e.id);
    expect(seenByOwner.sort()).toEqual([ownersEndpoint.id, managersEndpoint.id].sort());
  });

  it("refuses to add an endpoint for check-in staff and finance, or in an organization the caller is not in", async () => {
    const owner = await organizerWithOrganization();
    const input = { url: "http://127.0.0.1:9/", events: ["event.updated" as const] };
    for (const role of ["checkin", "finance"] as const) {
      const member = await memberOf(owner.actor, owner.organizationId, role);
      await expect(createEndpoint({ ctx: testCtx(member.actor), input })).rejects.toMatchObject({ kind: "Forbidden" });
      await expect(createEndpoint({ ctx: testCtx(member.actor), input: { ...input, organizationId: owner.organizationId } })).rejects.toMatchObject({ kind: "Forbidden" });
    }
    const stranger = await organizerWithOrganization();
    await expect(createEndpoint({ ctx: testCtx(stranger.actor), input: { ...input, organizationId: owner.organizationId } })).rejects.toMatchObject({ kind: "Forbidden" });
    expect(await getDb().select().from(endpoints)).toHaveLength(0);
  });

  it("answers 404 for a delivery of another endpoint, even the owner's own other endpoint", async () => {
    const owner = await organizerWithOrganization();
    const ctx = testCtx(owner.actor);
    const a = await createEndpoint({ ctx, input: { url: "http://127.0.0.1:9/a", events: ["event.updated"] } });
    const b = await createEndpoint({ ctx, input: { url: "http://127.0.0.1:9/b", events: ["event.cancelled"] } });
    await createDeliveries({ ctx: testCtx(), input: fact(owner) });
    const [delivery] = await getDb().select().from(deliveries).where(eq(deliveries.endpointId, a.id));
    await expect(redeliver({ ctx, input: { endpointId: b.id, deliveryId: delivery!.id } })).rejects.toMatchObject({ code: "DELIVERY_NOT_FOUND" });
  });
});

describe("fanning a fact out", () => {
  it("reaches the organization's subscribed, enabled endpoints and every admin endpoint, once however often it runs", async () => {
    const organizer = await organizerWithOrganization();
    const stranger = await organizerWithOrganization();
    const admin = await createTestUser({ role: "admin" });
    const mine = await createEndpoint({ ctx: testCtx(organizer.actor), input: { url: "http://127.0.0.1:9/1", events: ["event.updated"] } });
    await createEndpoint({ ctx: testCtx(organizer.actor), input: { url: "http://127.0.0.1:9/2", events: ["event.cancelled"] } });
    const off = await createEndpoint({ ctx: testCtx(organizer.actor), input: { url: "http://127.0.0.1:9/3", events: ["event.updated"] } });
    await getDb().update(endpoints).set({ enabled: false }).where(eq(endpoints.id, off.id));
    await createEndpoint({ ctx: testCtx(stranger.actor), input: { url: "http://127.0.0.1:9/4", events: ["event.updated"] } });
    const admins = await createEndpoint({ ctx: testCtx(admin.actor), input: { url: "http://127.0.0.1:9/5", events: ["event.updated"] } });
    expect(admins.organizationId).toBeNull();

    const f = fact(organizer);
    const results = await Promise.all(Array.from({ length: 5 }, () => createDeliveries({ ctx: testCtx(), input: f })));

    expect(results.reduce((sum, r) => sum + r.created, 0)).toBe(2);
    const rows = await getDb().select().from(deliveries);
    expect(rows.map((r) => r.endpointId).sort()).toEqual([mine.id, admins.id].sort());
    expect(rows.every((r) => r.messageId === f.messageId)).toBe(true);
    const requested = await getDb().select().from(outbox).where(eq(outbox.name, "webhook.delivery_requested"));
    expect(requested).toHaveLength(2);
  });

  it("brings a manager's event to the owner's endpoint, since both belong to the organization, and another organization's endpoint nothing", async () => {
    const owner = await organizerWithOrganization();
    const manager = await memberOf(owner.actor, owner.organizationId, "manager");
    const stranger = await organizerWithOrganization();
    const ownersEndpoint = await createEndpoint({ ctx: testCtx(owner.actor), input: { url: "http://127.0.0.1:9/owner", events: ["order.confirmed"] } });
    const strangersEndpoint = await createEndpoint({ ctx: testCtx(stranger.actor), input: { url: "http://127.0.0.1:9/stranger", events: ["order.confirmed"] } });

    expect(await createDeliveries({ ctx: testCtx(), input: fact({ id: manager.id, organizationId: owner.organizationId }, "order.confirmed") })).toEqual({ created: 1 });

    const rows = await getDb().select().from(deliveries);
    expect(rows.map((r) => r.endpointId)).toEqual([ownersEndpoint.id]);
    expect(rows.some((r) => r.endpointId === strangersEndpoint.id)).toBe(false);
  });

  it("brings an event outside any organization only to endpoints its organizer made outside any, and admins'", async () => {
    const organizer = await organizerWithOrganization();
    const orgEndpoint = await createEndpoint({ ctx: testCtx(organizer.actor), input: { url: "http://127.0.0.1:9/org", events: ["event.updated"] } });
    const [legacy] = await getDb()
      .insert(endpoints)
      .values({ ownerId: organizer.id, organizationId: null, url: "http://127.0.0.1:9/legacy", eventTypes: ["event.updated"], secret: "whsec_x" })
      .returning();

    await createDeliveries({ ctx: testCtx(), input: fact({ id: organizer.id, organizationId: null }) });

    const rows = await getDb().select().from(deliveries);
    expect(rows.map((r) => r.endpointId)).toEqual([legacy!.id]);
    expect(rows.some((r) => r.endpointId === orgEndpoint.id)).toBe(false);
  });
});

describe("retention of the delivery log", () => {
  it("deletes settled deliveries older than the cut-off and keeps pending, retrying and recent ones", async () => {
    const owner = await organizerWithOrganization();
    await createEndpoint({ ctx: testCtx(owner.actor), input: { url: "http://127.0.0.1:9/", events: ["event.updated"] } });
    const old = new Date(Date.now() - 40 * 86_400_000);
    for (const [status, createdAt] of [["succeeded", old], ["dead", old], ["failed", old], ["pending", old], ["succeeded", new Date()]] as const) {
      const f = fact(owner);
      await createDeliveries({ ctx: testCtx(), input: f });
      await getDb().update(deliveries).set({ status, createdAt }).where(eq(deliveries.messageId, f.messageId));
    }
    const cutOff = new Date(Date.now() - 30 * 86_400_000);

    expect(await purgeWebhookDeliveries({ ctx: testCtx(), input: { before: cutOff, limit: 1 } })).toBe(1);
    expect(await purgeWebhookDeliveries({ ctx: testCtx(), input: { before: cutOff, limit: 10 } })).toBe(1);

    const left = await getDb().select({ status: deliveries.status }).from(deliveries);
    expect(left.map((d) => d.status).sort()).toEqual(["failed", "pending", "succeeded"]);
    await expect(purgeWebhookDeliveries({ ctx: testCtx(owner.actor), input: { before: cutOff, limit: 10 } })).rejects.toMatchObject({ kind: "Forbidden" });
  });
});
