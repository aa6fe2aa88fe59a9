import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { paths } from "./generated/evently-api";
import { typesFromDocument } from "./support/api-types";

/**
 * Proof that the OpenAPI document is complete enough to build a client from (issue 16): the
 * served document generates exactly the committed types (e2e/generated, `npm run api:types`),
 * and an openapi-fetch client typed by them runs a whole integration with an API token only:
 * create an event, publish it, book it, read the booking back.
 */
const ORGANIZER = { email: "org1@evently.local", password: "evently-demo-2026" };

test("a client generated from the served OpenAPI document runs token → create event → publish → book → read back", async ({ request, baseURL }) => {
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
    body: { name: `Generated client ${randomUUID().slice(0, 6)}`, scopes: ["events:write", "orders:write", "orders:read"] },
  });
  expect(minted.response.status).toBe(201);
  const token = minted.data!.token;
  expect(token).toMatch(/^evtly_pat_/);

  // From here on the integration holds nothing but the API token.
  const integration = createClient<paths>({ baseUrl: baseURL, headers: { authorization: `Bearer ${token}` } });
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
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

  // The token's scopes bound it: no events:read here, and never the account routes.
  const refused = await integration.GET("/api/v1/me");
  expect(refused.response.status).toBe(403);
  expect(refused.error).toMatchObject({ code: "INSUFFICIENT_SCOPE" });
});
