import { z } from "zod";
import { API_SCOPES, apiScopeSchema, createApiTokenBody, ORGANIZATION_TOKEN_PREFIX } from "@/lib/domain/auth";
import { MAX_LIVE_ORGANIZATION_TOKENS, memberRoleSchema } from "@/lib/domain/organizations";
import { defineRoute } from "@/lib/http/contract";
import { component } from "@/lib/http/openapi-component";

const ORG_TOKEN_EXAMPLE = `${ORGANIZATION_TOKEN_PREFIX}Zr4Lq8Wm2Xc7Vb1Nh5Kt9Pj3Gd6Fs0Ay8Ue2Io4ReTw`;
const ORGANIZATION_ID_EXAMPLE = "7d3e2c1b-4a5f-4e6d-8c9b-0a1f2e3d4c5b";

const organizationSummarySchema = component(
  "OrganizationSummary",
  z.object({ id: z.string(), name: z.string(), role: memberRoleSchema.describe("The caller's role in it") }),
);

const organizationTokenSchema = component(
  "OrganizationToken",
  z.object({
    id: z.string(),
    organizationId: z.string(),
    name: z.string(),
    scopes: z.array(apiScopeSchema),
    createdBy: z.string().nullable().describe("The owner who created it; the token keeps working after they leave"),
    createdAt: z.string().describe("ISO 8601"),
    expiresAt: z.string().nullable().describe("ISO 8601; null: never expires"),
    lastUsedAt: z.string().nullable().describe("Updated at most once a minute"),
    lastUsedIp: z.string().nullable().describe("The client address of that use"),
  }),
);

const createdOrganizationTokenSchema = component(
  "CreatedOrganizationToken",
  organizationTokenSchema.extend({ token: z.string().describe(`The secret, starting \`${ORGANIZATION_TOKEN_PREFIX}\`; shown only in this answer`) }),
);

const tokenExample = {
  id: "3c1f8a2e-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
  organizationId: ORGANIZATION_ID_EXAMPLE,
  name: "Box office sync",
  scopes: ["events:read", "events:write"],
  createdBy: "5f0c6a4e-7a8b-4c1d-9e2f-3a4b5c6d7e8f",
  createdAt: "2026-12-01T09:00:00.000Z",
  expiresAt: "2027-06-01T00:00:00.000Z",
  lastUsedAt: "2026-12-05T17:42:00.000Z",
  lastUsedIp: "203.0.113.7",
};

const organizationParams = z.object({ id: z.string() });

export const listMyOrganizationsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/me/organizations",
  operationId: "listMyOrganizations",
  summary: "The organizations you belong to, with your role: where to find the id for the organization routes",
  tags: ["account"],
  auth: "user",
  tokenScope: null,
  responses: {
    200: {
      description: "Sorted by name",
      schema: z.object({ data: z.array(organizationSummarySchema) }),
      example: { data: [{ id: ORGANIZATION_ID_EXAMPLE, name: "Olga's organization", role: "owner" }] },
    },
  },
});

export const createOrganizationTokenRoute = defineRoute({
  method: "POST",
  path: "/api/v1/organizations/{id}/tokens",
  operationId: "createOrganizationToken",
  summary: `Create an organization API token (owners, from a signed-in session; at most ${MAX_LIVE_ORGANIZATION_TOKENS} live per organization)`,
  tags: ["tokens"],
  auth: "user",
  tokenScope: null,
  params: organizationParams,
  body: createApiTokenBody,
  bodyExample: { name: "Box office sync", scopes: ["events:read", "events:write"], expiresAt: "2027-06-01T00:00:00Z" },
  responses: {
    201: {
      description:
        `The token with its secret, shown this once (only a hash is stored). Send it as \`Authorization: Bearer ${ORG_TOKEN_EXAMPLE}\`. ` +
        `It belongs to the organization, not to you: it acts as a manager of this organization only (never an owner: it manages no members or tokens, ` +
        `and reaches no /me route), within its scopes, and keeps working after you leave. Scopes: ${API_SCOPES.join(", ")}`,
      schema: createdOrganizationTokenSchema,
      example: { ...tokenExample, lastUsedAt: null, lastUsedIp: null, token: ORG_TOKEN_EXAMPLE },
    },
  },
  errors: { 404: ["ORGANIZATION_NOT_FOUND"], 409: ["TOO_MANY_API_TOKENS"], 429: ["RATE_LIMITED"] },
});

export const listOrganizationTokensRoute = defineRoute({
  method: "GET",
  path: "/api/v1/organizations/{id}/tokens",
  operationId: "listOrganizationTokens",
  summary: "The organization's API tokens that are not revoked, newest first, without secrets (owners)",
  tags: ["tokens"],
  auth: "user",
  tokenScope: null,
  params: organizationParams,
  responses: {
    200: {
      description: "Expired tokens stay listed (see expiresAt) until revoked",
      schema: z.object({ data: z.array(organizationTokenSchema) }),
      example: { data: [tokenExample] },
    },
  },
  errors: { 404: ["ORGANIZATION_NOT_FOUND"] },
});

export const revokeOrganizationTokenRoute = defineRoute({
  method: "DELETE",
  path: "/api/v1/organizations/{id}/tokens/{tokenId}",
  operationId: "revokeOrganizationToken",
  summary: "Revoke an organization API token, whoever created it (owners): it fails on its very next request",
  tags: ["tokens"],
  auth: "user",
  tokenScope: null,
  params: z.object({ id: z.string(), tokenId: z.string() }),
  responses: { 204: { description: "Revoked" } },
  errors: { 404: ["ORGANIZATION_NOT_FOUND", "API_TOKEN_NOT_FOUND"] },
});
