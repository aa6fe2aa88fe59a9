import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deliverWebhook as deliverWebhookFunction } from "@/inngest/functions/deliver-webhook";
import { fanOutWebhookFacts } from "@/inngest/functions/fan-out-webhook-facts";
import { getDb } from "@/lib/db/client";
import { organizerWithOrganization } from "@/tests/harness/organizations";
import { updateEvent } from "@/lib/domain/events";
import { publishedEvent } from "@/lib/domain/events/event-fixtures";
import { createDeliveries, createEndpoint } from "@/lib/domain/webhooks";
import { deliveries } from "@/lib/domain/webhooks/schema";
import { env } from "@/lib/env";
import { createRunner } from "@/lib/jobs/runner";
import { jobRuns } from "@/lib/jobs/schema";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { startReceiver } from "@/tests/harness/webhook-receiver";
import { deliverWebhook } from "./deliver-webhook";

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
let receivers: Receiver[] = [];

async function receiver(...args: Parameters<typeof startReceiver>) {
  const r = await startReceiver(...args);
  receivers.push(r);
  return r;
}

function runner() {
  return createRunner({ db: getDb(), functions: [...fanOutWebhookFacts, deliverWebhookFunction], retryBaseMs: 10, retryMaxMs: 10 });
}

/** Runs due runs several at a time (as flow control allows), making retries due at once, until nothing is left. */
async function drain(r: ReturnType<typeof runner>, rounds = 1_000) {
  for (let i = 0; i < rounds; i++) {
    await r.dispatch();
    const runs = await r.claimMany(20);
    if (runs.length === 0) {
      const [waiting] = await getDb().select({ n: sql<number>`count(*)::int` }).from(jobRuns).where(eq(jobRuns.status, "queued"));
      if (!waiting!.n) return;
      await getDb().update(jobRuns).set({ runAt: new Date() }).where(eq(jobRuns.status, "queued"));
      continue;
    }
    await Promise.all(runs.map((run) => r.execute(run)));
  }
}

beforeAll(() => {
  env.WEBHOOK_ALLOW_PRIVATE = true;
});
afterAll(() => {
  env.WEBHOOK_ALLOW_PRIVATE = false;
});
beforeEach(resetDatabase);
afterEach(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  receivers = [];
});

describe("delivering a fact to a receiver", () => {
  it("sends the same webhook-id with a valid signature when a receiver fails, then succeeds", async () => {
    const hook = await receiver((n) => ({ status: n === 0 ? 500 : 204 }));
    const organizer = await organizerWithOrganization();
    const ctx = testCtx(organizer.actor);
    const endpoint = await createEndpoint({ ctx, input: { url: hook.url, events: ["event.updated"] } });
    const event = await publishedEvent(organizer.actor);
    await updateEvent({ ctx, input: { id: event.id, version: event.version, venue: "Pier 9" } });

    await drain(runner());

    expect(hook.received).toHaveLength(2);
    const [first, second] = hook.received;
    expect(first!.headers["webhook-id"]).toBe(second!.headers["webhook-id"]);
    expect(first!.body).toBe(second!.body);
    const wh = new Webhook(endpoint.secret);
    for (const r of hook.received) {
      const verified = wh.verify(r.body, r.headers) as { type: string; timestamp: string; data: { eventId: string; venue: string } };
      expect(verified).toMatchObject({ type: "event.updated", data: { eventId: event.id, venue: "Pier 9" } });
      expect(Number.isNaN(Date.parse(verified.timestamp))).toBe(false);
    }
    const [row] = await getDb().select().from(deliveries).where(eq(deliveries.endpointId, endpoint.id));
    expect(row).toMatchObject({ status: "succeeded", attempts: 2, responseStatus: 204, messageId: first!.headers["webhook-id"] });
  });

  it("delivers 200 facts to one endpoint, each exactly once with its own id, in no promised order", async () => {
    const hook = await receiver();
    const organizer = await organizerWithOrganization();
    const ctx = testCtx(organizer.actor);
    const endpoint = await createEndpoint({ ctx, input: { url: hook.url, events: ["event.updated"] } });
    const start = Date.parse("2026-05-01T00:00:00Z");
    const facts = Array.from({ length: 200 }, (_, n) => ({ messageId: randomUUID(), timestamp: new Date(start + n * 1000).toISOString(), n }));
    for (const f of facts) {
      await createDeliveries({
        ctx: testCtx(),
        input: { messageId: f.messageId, type: "event.updated", timestamp: f.timestamp, organizationId: organizer.organizationId, organizerId: organizer.id, data: { n: f.n } },
      });
    }

    await drain(runner());

    const wh = new Webhook(endpoint.secret);
    const got = hook.received.map((r) => ({ id: r.headers["webhook-id"], body: wh.verify(r.body, r.headers) as { timestamp: string; data: { n: number } } }));
    expect(got).toHaveLength(200);
    expect(new Set(got.map((g) => g.id)).size).toBe(200);
    // The documented contract: unordered, but the body's timestamp restores the facts' order.
    const restored = [...got].sort((a, b) => Date.parse(a.body.timestamp) - Date.parse(b.body.timestamp));
    expect(restored.map((g) => g.body.data.n)).toEqual(facts.map((f) => f.n));
    expect(restored.map((g) => g.id)).toEqual(facts.map((f) => f.messageId));
    const [settled] = await getDb().select({ n: sql<number>`count(*)::int` }).from(deliveries).where(eq(deliveries.status, "succeeded"));
    expect(settled!.n).toBe(200);
  }, 120_000);

  it("does not follow a redirect: the address it points to gets nothing and the attempt fails", async () => {
    const inner = await receiver();
    const hook = await receiver(() => ({ status: 307, headers: { location: inner.url } }));
    const organizer = await organizerWithOrganization();
    const ctx = testCtx(organizer.actor);
    await createEndpoint({ ctx, input: { url: hook.url, events: ["event.updated"] } });
    await createDeliveries({ ctx: testCtx(), input: { messageId: randomUUID(), type: "event.updated", timestamp: new Date().toISOString(), organizationId: organizer.organizationId, organizerId: organizer.id, data: {} } });
    const [row] = await getDb().select().from(deliveries);

    const result = await deliverWebhook({ ctx: testCtx(), input: { deliveryId: row!.id, attempt: 0 } });

    expect(result.outcome).toBe("retry");
    expect(hook.received).toHaveLength(1);
    expect(inner.received).toHaveLength(0);
    const [after] = await getDb().select().from(deliveries).where(eq(deliveries.id, row!.id));
    expect(after).toMatchObject({ status: "failed", responseStatus: 307, attempts: 1 });
  });
});

describe("delivering in production", () => {
  afterEach(() => {
    env.NODE_ENV = "test";
    env.WEBHOOK_ALLOW_PRIVATE = true;
  });

  it("checks the address again at delivery time and sends nothing to loopback", async () => {
    const hook = await receiver();
    const organizer = await organizerWithOrganization();
    await createEndpoint({ ctx: testCtx(organizer.actor), input: { url: hook.url, events: ["event.cancelled"] } });
    await createDeliveries({ ctx: testCtx(), input: { messageId: randomUUID(), type: "event.cancelled", timestamp: new Date().toISOString(), organizationId: organizer.organizationId, organizerId: organizer.id, data: {} } });
    const [row] = await getDb().select().from(deliveries);
    env.NODE_ENV = "production";
    env.WEBHOOK_ALLOW_PRIVATE = false;

    const result = await deliverWebhook({ ctx: testCtx(), input: { deliveryId: row!.id, attempt: 0 } });

    expect(result.outcome).toBe("retry");
    expect(hook.received).toHaveLength(0);
    const [after] = await getDb().select().from(deliveries).where(eq(deliveries.id, row!.id));
    expect(after).toMatchObject({ status: "failed", responseStatus: null, lastError: expect.stringMatching(/^Refused/) });
  });
});
