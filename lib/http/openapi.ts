import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { API_SCOPE_LABELS, API_SCOPES, API_TOKEN_PREFIX } from "@/lib/domain/auth";
import type { RouteContract } from "./contract";
// Patches zod with `.openapi()` before registry.register needs it.
import "./openapi-component";
import { problemCodes, problemContent, problemSchema } from "./openapi-problems";

const TAGS: Record<string, string> = {
  auth: "Sign-up, sign-in and tokens for a session",
  account: "The signed-in person's own account",
  tokens: "Personal and organization API tokens for integrations",
  events: "Events and their covers",
  bookings: "Booking seats, exactly once per Idempotency-Key",
  orders: "Ordering tickets of one or more types, paying and cancelling",
  waitlist: "Waiting for seats of a sold-out event",
  analytics: "Sales figures for organizers and admins",
  "ticket types": "What an event sells, and promo codes",
  media: "Resized images",
  "check-in": "Letting ticket holders in at the door",
  webhooks: "Signed notifications of what happens to your events, per Standard Webhooks",
  admin: "Administration (admins only)",
  operations: "Health, build information, metrics and this document",
};

const ref = (kind: "headers" | "parameters", name: string) => ({ $ref: `#/components/${kind}/${name}` });

const HEADERS = {
  "X-Request-Id": { description: "The request's id (the one sent, if it was safe, else a new one); every log line of the request carries it", schema: { type: "string" as const } },
  "Retry-After": { description: "Seconds to wait before trying again", schema: { type: "integer" as const } },
  "RateLimit-Limit": { description: "Requests allowed in the current window", schema: { type: "integer" as const } },
  "RateLimit-Remaining": { description: "Requests left in the current window", schema: { type: "integer" as const } },
  "RateLimit-Reset": { description: "Seconds until the window resets", schema: { type: "integer" as const } },
  Allow: { description: "The methods this path answers", schema: { type: "string" as const } },
};

type HeaderName = keyof typeof HEADERS;
const headerRefs = (...names: HeaderName[]) => Object.fromEntries(names.map((n) => [n, ref("headers", n)]));

/**
 * The scope an API token needs is named in `x-required-scopes` and the description, not in the
 * requirement's array: OpenAPI lists scopes there only for OAuth2 and OpenID Connect schemes.
 */
function security(c: RouteContract): RouteConfig["security"] {
  if (c.auth === "none") return [];
  const schemes: Record<string, string[]>[] = [{ accessToken: [] }];
  if (c.tokenScope) schemes.push({ apiToken: [] });
  return c.auth === "optional" ? [{}, ...schemes] : schemes;
}

function description(c: RouteContract): string {
  const who =
    c.auth === "none"
      ? "No authentication."
      : c.tokenScope
        ? `${c.auth === "optional" ? "Authentication optional: " : ""}an access token, or an API token with the \`${c.tokenScope}\` scope.`
        : "An access token from a signed-in session; API tokens cannot call this route.";
  return `${c.summary}.\n\n${who}`;
}

function successResponses(c: RouteContract): Record<string, ResponseConfig> {
  const responses: Record<string, ResponseConfig> = {};
  for (const [status, spec] of Object.entries(c.responses)) {
    const media = spec.example === undefined ? { schema: spec.schema! } : { schema: spec.schema!, example: spec.example };
    responses[status] = {
      description: spec.description,
      headers: { ...headerRefs("X-Request-Id"), ...spec.headers },
      ...(spec.schema ? { content: { [spec.contentType ?? "application/json"]: media } } : {}),
    };
  }
  return responses;
}

function refusalResponses(c: RouteContract): Record<string, ResponseConfig> {
  const responses: Record<string, ResponseConfig> = {};
  for (const [status, codes] of problemCodes(c)) {
    const extra: HeaderName[] = status === 429 ? ["Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"] : status === 405 ? ["Allow"] : [];
    responses[String(status)] = { ...problemContent(status, codes), headers: headerRefs("X-Request-Id", ...extra) };
  }
  return responses;
}

function requestBody(c: RouteContract): NonNullable<RouteConfig["request"]>["body"] | undefined {
  if (c.body) {
    // A body the schema accepts as `{}` may be left out: the wrapper reads an empty body as `{}`.
    const required = !c.body.safeParse({}).success;
    const media = c.bodyExample === undefined ? { schema: c.body } : { schema: c.body, example: c.bodyExample };
    return { required, content: { "application/json": media } };
  }
  if (c.rawBody) {
    return {
      required: true,
      description: c.rawBody.description,
      content: Object.fromEntries(c.rawBody.contentTypes.map((type) => [type, { schema: z.string().meta({ format: "binary" }) }])),
    };
  }
  return undefined;
}

/**
 * zod-to-openapi writes a regex's flags into `pattern` (`…$/u`), which no validator can match;
 * JSON Schema patterns are already Unicode-aware, so the flags are dropped.
 */
function stripRegexFlags(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(stripRegexFlags);
  if (!node || typeof node !== "object") return;
  const record = node as Record<string, unknown>;
  if (typeof record.pattern === "string") record.pattern = record.pattern.replace(/(?<!\\)\/[dgimsuvy]+$/, "");
  Object.values(record).forEach(stripRegexFlags);
}

/** Builds the OpenAPI 3.1 document from the same contracts the route handlers validate with. */
export function buildOpenApiDocument(contracts: RouteContract[], info: { version: string; serverUrl: string }) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "accessToken", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: "A 15-minute access token from POST /api/v1/auth/token (renew it with POST /api/v1/auth/refresh).",
  });
  registry.registerComponent("securitySchemes", "apiToken", {
    type: "http",
    scheme: "bearer",
    bearerFormat: `${API_TOKEN_PREFIX}…`,
    description:
      `A personal API token from POST /api/v1/me/tokens, sent as \`Authorization: Bearer ${API_TOKEN_PREFIX}…\`. ` +
      `Each operation names the scope it needs (in its description and \`x-required-scopes\`); a token without it gets 403 INSUFFICIENT_SCOPE. Scopes: ` +
      API_SCOPES.map((s) => `\`${s}\` (${API_SCOPE_LABELS[s].toLowerCase()})`).join(", ") +
      ".",
  });
  for (const [name, header] of Object.entries(HEADERS)) registry.registerComponent("headers", name, header);
  registry.registerComponent("parameters", "RequestId", {
    name: "X-Request-Id",
    in: "header",
    required: false,
    description: "Your id for this request (letters, digits, `-`, `_`, `.`, up to 128); echoed back and written to every log line",
    schema: { type: "string", maxLength: 128 },
  });
  registry.register("Problem", problemSchema);

  for (const c of contracts) {
    const body = requestBody(c);
    registry.registerPath({
      method: c.method.toLowerCase() as "get",
      path: c.path,
      operationId: c.operationId,
      summary: c.summary,
      description: description(c),
      tags: c.tags,
      security: security(c),
      ...(c.tokenScope && c.auth !== "none" ? { "x-required-scopes": [c.tokenScope] } : {}),
      parameters: [ref("parameters", "RequestId")],
      request: {
        ...(c.params ? { params: c.params } : {}),
        ...(c.query ? { query: c.query } : {}),
        ...(c.headers ? { headers: c.headers } : {}),
        ...(body ? { body } : {}),
      },
      responses: { ...successResponses(c), ...refusalResponses(c) },
    });
  }

  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Evently API",
      version: info.version,
      description:
        "Public JSON API of Evently. Errors are RFC 9457 problem+json with a stable `code`. " +
        "The guide at /api/docs/guide covers authentication, scopes, idempotency, pagination, errors, rate limits and versioning.",
      contact: { name: "Evently", url: `${info.serverUrl}/api/docs/guide` },
      license: { name: "Proprietary", identifier: "LicenseRef-Evently" },
    },
    servers: [{ url: info.serverUrl }],
    tags: Object.entries(TAGS).map(([name, text]) => ({ name, description: text })),
  });
  stripRegexFlags(document);
  return document;
}
