import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { startReceiver } from "../tests/harness/webhook-receiver";
import type { paths } from "./generated/evently-api";
import { typesFromDocument } from "./support/api-types";

/**
 * Proof that the OpenAPI document is complete enough to build a client from (issue 16): the
 * served document generates exactly the committed types (e2e/generated, `npm run api:types`),
 * and an openapi-fetch client typed by them runs a whole integration with an API token only:
 * register a webhook endpoint, create an event, publish it, book it, read the booking back,
 * order it, and receive the order's webhook, signed per Standard Webhooks. The receiver is a
 * local HTTP server, reachable because the e2e server runs with WEBHOOK_ALLOW_PRIVATE=true.
 */
const ORGANIZER = { email: "org1@evently.local", password: "evently-demo-2026" };

test("a client generated from the served OpenAPI document runs token → webhook → create event → publish → book → order → webhook received", async ({ request, baseURL }) => {
  const served = await request.get("/api/v1/openapi.json");
  expect(served.status()).toBe(200);
  const committed = readFileSync(path.resolve("e2e/generated/evently-api.d.ts"), "utf8");
  expect(await typesFromDocument(await served.json()), "the committed client types are stale: run npm run api:types").toBe(committed);

  // Imported here: openapi-fetch is ESM-only, and Playwright loads specs as CommonJS.
  const { default: createClient } = await import("openapi-fetch");
  const api = createClient<paths>({ baseUrl: baseURL });

  // A person signs in once and mints a scoped token for the integration.
  const signIn = await api.POST("/api/v1/auth/token", { body: ORGANIZER });
  expect(signIn.response.status).toBe(200);
  const minted = await api.POST("/api/v1/me/tokens", {
    headers: { authorization: `Bearer ${signIn.data!.accessToken}` },
    body: { name: `Generated client ${randomUUID().slice(0, 6)}`, scopes: ["events:write", "orders:write", "orders:read", "webhooks:write"] },
  });
  expect(minted.response.status).toBe(201);
  const token = minted.data!.token;
  expect(token).toMatch(/^evtly_pat_/);

  // From here on the integration holds nothing but the API token.
  const integration = createClient<paths>({ baseUrl: baseURL, headers: { authorization: `Bearer ${token}` } });
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
  // The integration registers its own receiver with the token; the secret comes back once.
  const receiver = await startReceiver();
  try {
    const hook = await integration.POST("/api/v1/webhooks", { body: { url: receiver.url, events: ["order.confirmed"] } });
    expect(hook.response.status, JSON.stringify(hook.error)).toBe(201);
    expect(hook.data!.secret).toMatch(/^whsec_/);
    expect(hook.data!.organizationId).toEqual(expect.any(String));

    const created = await integration.POST("/api/v1/events", {
      body: {
        title: "Generated Client Night",
        venue: "Schema Hall",
        category: "tech",
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(),
        capacity: 20,
        priceCents: 0,
        currency: "EUR",
      },
    });
    expect(created.response.status, JSON.stringify(created.error)).toBe(201);
    const eventId = created.data!.id;

    const published = await integration.POST("/api/v1/events/{id}/publish", { params: { path: { id: eventId } } });
    expect(published.data?.status).toBe("published");

    const booked = await integration.POST("/api/v1/events/{id}/bookings", {
      params: { path: { id: eventId }, header: { "Idempotency-Key": randomUUID() } },
      body: { quantity: 2 },
    });
    expect(booked.response.status, JSON.stringify(booked.error)).toBe(201);
    expect(booked.data).toMatchObject({ eventId, quantity: 2, status: "confirmed" });

    const readBack = await integration.GET("/api/v1/bookings/{id}", { params: { path: { id: booked.data!.id } } });
    expect(readBack.data).toMatchObject({ id: booked.data!.id, eventId, quantity: 2 });
    expect(readBack.data!.items).toHaveLength(2);

    // An order of the event's ticket type (free, so confirmed at once) is a fact the webhook hears of.
    const ordered = await integration.POST("/api/v1/orders", {
      params: { header: { "Idempotency-Key": randomUUID() } },
      body: { eventId, items: [{ ticketTypeId: created.data!.ticketTypes[0]!.id, quantity: 1 }] },
    });
    expect(ordered.response.status, JSON.stringify(ordered.error)).toBe(201);
    expect(ordered.data).toMatchObject({ eventId, status: "confirmed" });
    const orderId = ordered.data!.id;

    const signer = new Webhook(hook.data!.secret);
    const messageFor = () =>
      receiver.received
        .map((r) => ({ headers: r.headers, message: signer.verify(r.body, r.headers) as { type: string; data: { orderId?: string; eventId?: string } } }))
        .find((m) => m.message.type === "order.confirmed" && m.message.data.orderId === orderId);
    await expect.poll(() => messageFor() !== undefined, { timeout: 60_000, message: "the order.confirmed webhook did not arrive" }).toBe(true);
    const received = messageFor()!;
    expect(received.message.data).toMatchObject({ orderId, eventId });
    // A body signed with another secret does not verify: the signature is what proves the sender.
    expect(() => new Webhook(`whsec_${Buffer.from("x".repeat(24)).toString("base64")}`).verify(receiver.received[0]!.body, receiver.received[0]!.headers)).toThrow();

    // The delivery log shows it delivered, under the same webhook-id the receiver got.
    await expect
      .poll(
        async () => {
          const log = await integration.GET("/api/v1/webhooks/{id}/deliveries", { params: { path: { id: hook.data!.id } } });
          return log.data?.data.find((d) => d.webhookId === received.headers["webhook-id"]);
        },
        { timeout: 30_000 },
      )
      .toMatchObject({ event: "order.confirmed", status: "succeeded", attempts: 1, responseStatus: 200 });

    // The token's scopes bound it: no events:read here, and never the account routes.
    const refused = await integration.GET("/api/v1/me");
    expect(refused.response.status).toBe(403);
    expect(refused.error).toMatchObject({ code: "INSUFFICIENT_SCOPE" });
  } finally {
    await receiver.close();
  }
});
