import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { sendWebhookDisabledEmail } from "@/inngest/functions/send-webhook-disabled-email";
import { fanOutWebhookFacts } from "@/inngest/functions/fan-out-webhook-facts";
import { getDb } from "@/lib/db/client";
import { updateEvent } from "@/lib/domain/events";
import { draftEvent } from "@/lib/domain/events/event-fixtures";
import { memberOf, organizerWithOrganization } from "@/tests/harness/organizations";
import { createEndpoint } from "@/lib/domain/webhooks";
import { deliveries, endpoints } from "@/lib/domain/webhooks/schema";
import { drainJobs } from "@/lib/jobs/drain";
import { emit } from "@/lib/jobs/emit";
import { mailbox } from "@/lib/mail/schema";
import { resetDatabase, testCtx } from "@/tests/harness/db";

beforeEach(resetDatabase);

const drain = () => drainJobs({ db: getDb(), functions: fanOutWebhookFacts });

describe("the webhook fan-out job", () => {
  it("brings a manager's edit of an event to the endpoint the owner added, and nothing to another organization's", async () => {
    const owner = await organizerWithOrganization();
    const manager = await memberOf(owner.actor, owner.organizationId, "manager");
    const stranger = await organizerWithOrganization();
    const ownersEndpoint = await createEndpoint({ ctx: testCtx(owner.actor), input: { url: "http://127.0.0.1:9/owner", events: ["event.updated"] } });
    await createEndpoint({ ctx: testCtx(stranger.actor), input: { url: "http://127.0.0.1:9/stranger", events: ["event.updated"] } });

    const event = await draftEvent(manager.actor);
    await updateEvent({ ctx: testCtx(manager.actor), input: { id: event.id, version: event.version, title: "Jazz Night, second set" } });
    await drain();

    const rows = await getDb().select().from(deliveries);
    expect(rows.map((r) => r.endpointId)).toEqual([ownersEndpoint.id]);
    expect(rows[0]!.payload).toMatchObject({ type: "event.updated", data: { eventId: event.id, organizerId: manager.id, organizationId: owner.organizationId, title: "Jazz Night, second set" } });
  });

  it("sends a fact written before facts named their organization to its event's organization, and skips one whose event is gone", async () => {
    const owner = await organizerWithOrganization();
    const stranger = await organizerWithOrganization();
    const ownersEndpoint = await createEndpoint({ ctx: testCtx(owner.actor), input: { url: "http://127.0.0.1:9/owner", events: ["order.confirmed"] } });
    await createEndpoint({ ctx: testCtx(stranger.actor), input: { url: "http://127.0.0.1:9/stranger", events: ["order.confirmed"] } });
    const event = await draftEvent(owner.actor);
    const oldFact = (eventId: string) => ({
      orderId: crypto.randomUUID(),
      eventId,
      userId: stranger.id,
      organizerId: owner.id,
      quantity: 1,
      totalCents: 0,
      currency: "EUR",
      paidAt: null,
      source: "direct" as const,
    });
    await getDb().transaction(async (tx) => {
      await emit(tx, { name: "order.confirmed", data: oldFact(event.id), requestId: "old-row" });
      await emit(tx, { name: "order.confirmed", data: oldFact(crypto.randomUUID()), requestId: "gone" });
    });

    const result = await drain();

    expect(result.completed).toBeGreaterThanOrEqual(2);
    expect(result.dead).toBe(0);
    const rows = await getDb().select().from(deliveries);
    expect(rows.map((r) => r.endpointId)).toEqual([ownersEndpoint.id]);
    expect(rows[0]!.payload).toMatchObject({ data: { eventId: event.id } });
  });
});

describe("the endpoint-disabled notice", () => {
  it("goes to every owner of the endpoint's organization, not to the manager who added it", async () => {
    const owner = await organizerWithOrganization({ name: "Olga" });
    const coOwner = await memberOf(owner.actor, owner.organizationId, "owner");
    const manager = await memberOf(owner.actor, owner.organizationId, "manager");
    const endpoint = await createEndpoint({ ctx: testCtx(manager.actor), input: { url: "http://127.0.0.1:9/hook", events: ["event.updated"] } });
    await getDb().update(endpoints).set({ enabled: false }).where(eq(endpoints.id, endpoint.id));
    await getDb().transaction((tx) =>
      emit(tx, {
        name: "webhook.endpoint_disabled",
        data: { endpointId: endpoint.id, ownerId: manager.id, organizationId: owner.organizationId, url: endpoint.url, failingSince: new Date().toISOString(), disabledAt: new Date().toISOString() },
        requestId: "disabled",
      }),
    );

    await drainJobs({ db: getDb(), functions: [sendWebhookDisabledEmail] });

    const to = (await getDb().select({ to: mailbox.toAddress, subject: mailbox.subject }).from(mailbox)).filter((m) => m.subject.includes("switched off")).map((m) => m.to);
    expect(to.sort()).toEqual([owner.email, coOwner.email].map((e) => e.toLowerCase()).sort());
    expect(to).not.toContain(manager.email.toLowerCase());
  });
});
