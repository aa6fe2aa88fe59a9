import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { sendWebhookDisabledEmail } from "@/inngest/functions/send-webhook-disabled-email";
import { getDb } from "@/lib/db/client";
import { organizerWithOrganization } from "@/tests/harness/organizations";
import { createDeliveries, createEndpoint, DISABLE_AFTER_FAILING_MS, listDeliveries, redeliver, sendTestMessage } from "@/lib/domain/webhooks";
import { deliveries, endpoints } from "@/lib/domain/webhooks/schema";
import { createRunner } from "@/lib/jobs/runner";
import { mailbox } from "@/lib/mail/schema";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { startReceiver } from "@/tests/harness/webhook-receiver";
import { deliverWebhook } from "./deliver-webhook";

beforeEach(resetDatabase);

function fact(owner: { id: string; organizationId: string }) {
  return { messageId: randomUUID(), type: "event.updated", timestamp: new Date().toISOString(), organizationId: owner.organizationId, organizerId: owner.id, data: { hello: "world" } };
}

describe("an endpoint that keeps failing", () => {
  it("is disabled after three days without a success, its owner emailed once, and gets no new deliveries", async () => {
    const hook = await startReceiver(() => ({ status: 503 }));
    try {
      const owner = await organizerWithOrganization({ name: "Olga" });
      const endpoint = await createEndpoint({ ctx: testCtx(owner.actor), input: { url: hook.url, events: ["event.updated"] } });
      const t0 = new Date("2026-03-10T08:00:00Z");
      const at = (ms: number) => testCtx({ type: "system" }, { now: () => new Date(t0.getTime() + ms) });
      const attempt = async (ms: number) => {
        await createDeliveries({ ctx: at(ms), input: fact(owner) });
        const [row] = await getDb().select().from(deliveries).where(eq(deliveries.status, "pending"));
        return deliverWebhook({ ctx: at(ms), input: { deliveryId: row!.id, attempt: 0 } });
      };

      expect(await attempt(0)).toMatchObject({ outcome: "retry" });
      expect(await attempt(DISABLE_AFTER_FAILING_MS - 60_000)).toMatchObject({ outcome: "retry" });
      const [still] = await getDb().select().from(endpoints);
      expect(still).toMatchObject({ enabled: true, failingSince: t0 });

      expect(await attempt(DISABLE_AFTER_FAILING_MS)).toEqual({ outcome: "dead", endpointDisabled: true });
      const [off] = await getDb().select().from(endpoints);
      expect(off).toMatchObject({ enabled: false, disabledAt: new Date(t0.getTime() + DISABLE_AFTER_FAILING_MS) });
      expect(hook.received).toHaveLength(3);

      expect(await createDeliveries({ ctx: at(DISABLE_AFTER_FAILING_MS + 1), input: fact(owner) })).toEqual({ created: 0 });

      const runner = createRunner({ db: getDb(), functions: [sendWebhookDisabledEmail] });
      await runner.dispatch();
      const run = await runner.claim();
      expect(await runner.execute(run!)).toBe("completed");
      const mails = await getDb().select().from(mailbox).where(eq(mailbox.toAddress, owner.email));
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toContain("switched off");
      expect(mails[0]!.text).toContain(hook.url);

      await sendTestMessage({ ctx: testCtx(owner.actor), input: { endpointId: endpoint.id } });
      const [back] = await getDb().select().from(endpoints);
      expect(back).toMatchObject({ enabled: true, failingSince: null });
    } finally {
      await hook.close();
    }
  });

  it("a success resets the failure clock", async () => {
    let failing = true;
    const hook = await startReceiver(() => ({ status: failing ? 500 : 200 }));
    try {
      const owner = await organizerWithOrganization();
      await createEndpoint({ ctx: testCtx(owner.actor), input: { url: hook.url, events: ["event.updated"] } });
      await createDeliveries({ ctx: testCtx(), input: fact(owner) });
      const [row] = await getDb().select().from(deliveries);
      await deliverWebhook({ ctx: testCtx(), input: { deliveryId: row!.id, attempt: 0 } });
      expect((await getDb().select().from(endpoints))[0]!.failingSince).not.toBeNull();
      failing = false;
      expect(await deliverWebhook({ ctx: testCtx(), input: { deliveryId: row!.id, attempt: 1 } })).toMatchObject({ outcome: "succeeded" });
      expect((await getDb().select().from(endpoints))[0]!.failingSince).toBeNull();
    } finally {
      await hook.close();
    }
  });
});

describe("redelivering", () => {
  it("sends a settled delivery again with the same webhook-id and body", async () => {
    const hook = await startReceiver();
    try {
      const owner = await organizerWithOrganization();
      const ctx = testCtx(owner.actor);
      const endpoint = await createEndpoint({ ctx, input: { url: hook.url, events: ["event.updated"] } });
      await createDeliveries({ ctx: testCtx(), input: fact(owner) });
      const [row] = await getDb().select().from(deliveries);
      await deliverWebhook({ ctx: testCtx(), input: { deliveryId: row!.id, attempt: 0 } });
      expect(await deliverWebhook({ ctx: testCtx(), input: { deliveryId: row!.id, attempt: 0 } })).toEqual({ outcome: "skipped" });

      const view = await redeliver({ ctx, input: { endpointId: endpoint.id, deliveryId: row!.id } });
      expect(view).toMatchObject({ status: "pending", webhookId: row!.messageId });
      await deliverWebhook({ ctx: testCtx(), input: { deliveryId: row!.id, attempt: 0 } });

      expect(hook.received).toHaveLength(2);
      expect(hook.received[1]!.headers["webhook-id"]).toBe(hook.received[0]!.headers["webhook-id"]);
      expect(hook.received[1]!.body).toBe(hook.received[0]!.body);
      const { data } = await listDeliveries({ ctx, input: { endpointId: endpoint.id } });
      expect(data[0]).toMatchObject({ status: "succeeded", attempts: 2, responseStatus: 200, event: "event.updated" });
    } finally {
      await hook.close();
    }
  });
});
