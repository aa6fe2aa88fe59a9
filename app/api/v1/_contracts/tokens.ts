import { z } from "zod";
import { API_SCOPES, API_TOKEN_PREFIX, apiScopeSchema, createApiTokenBody, MAX_LIVE_API_TOKENS } from "@/lib/domain/auth";
import { defineRoute } from "@/lib/http/contract";
import { component } from "@/lib/http/openapi-component";

const API_PREFIX_EXAMPLE = `${API_TOKEN_PREFIX}q9Xv3T0mJ8c2r6bKpL1wYzA4sHn7dFgE5uVtRiOoMeQ`;

const apiTokenSchema = component(
  "ApiToken",
  z.object({
    id: z.string(),
    name: z.string(),
    scopes: z.array(apiScopeSchema),
    createdAt: z.string().describe("ISO 8601"),
    expiresAt: z.string().nullable().describe("ISO 8601; null: never expires"),
    lastUsedAt: z.string().nullable().describe("Updated at most once a minute"),
    lastUsedIp: z.string().nullable().describe("The client address of that use"),
  }),
);

const createdApiTokenSchema = component(
  "CreatedApiToken",
  apiTokenSchema.extend({ token: z.string().describe(`The secret, starting \`${API_TOKEN_PREFIX}\`; shown only in this answer`) }),
);

const tokenExample = {
  id: "0b9a4a52-0d55-4c8f-9d0e-2f1f4f3f5e11",
  name: "CRM sync",
  scopes: ["events:read", "orders:read"],
  createdAt: "2026-12-01T09:00:00.000Z",
  expiresAt: "2027-06-01T00:00:00.000Z",
  lastUsedAt: "2026-12-05T17:42:00.000Z",
  lastUsedIp: "203.0.113.7",
};

export const createApiTokenRoute = defineRoute({
  method: "POST",
  path: "/api/v1/me/tokens",
  operationId: "createApiToken",
  summary: `Create a personal API token (from a signed-in session, never with another API token; at most ${MAX_LIVE_API_TOKENS} live)`,
  tags: ["tokens"],
  auth: "user",
  tokenScope: null,
  body: createApiTokenBody,
  bodyExample: { name: "CRM sync", scopes: ["events:read", "orders:read"], expiresAt: "2027-06-01T00:00:00Z" },
  responses: {
    201: {
      description: `The token with its secret, shown this once (only a hash is stored). Send it as \`Authorization: Bearer ${API_PREFIX_EXAMPLE}\`. Scopes: ${API_SCOPES.join(", ")}`,
      schema: createdApiTokenSchema,
      example: { ...tokenExample, lastUsedAt: null, lastUsedIp: null, token: API_PREFIX_EXAMPLE },
    },
  },
  errors: { 409: ["TOO_MANY_API_TOKENS"], 429: ["RATE_LIMITED"] },
});

export const listApiTokensRoute = defineRoute({
  method: "GET",
  path: "/api/v1/me/tokens",
  operationId: "listApiTokens",
  summary: "Your API tokens that are not revoked, newest first, without secrets",
  tags: ["tokens"],
  auth: "user",
  tokenScope: null,
  responses: {
    200: { description: "Expired tokens stay listed (see expiresAt) until revoked", schema: z.object({ data: z.array(apiTokenSchema) }), example: { data: [tokenExample] } },
  },
});

export const revokeApiTokenRoute = defineRoute({
  method: "DELETE",
  path: "/api/v1/me/tokens/{id}",
  operationId: "revokeApiToken",
  summary: "Revoke an API token: it fails on its very next request",
  tags: ["tokens"],
  auth: "user",
  tokenScope: null,
  params: z.object({ id: z.string() }),
  responses: { 204: { description: "Revoked" } },
  errors: { 404: ["API_TOKEN_NOT_FOUND"] },
});
