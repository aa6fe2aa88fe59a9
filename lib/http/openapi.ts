import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

// Named components (`registry.register`) need zod's `.openapi()`; the patch is global and idempotent.
extendZodWithOpenApi(z);
import type { RouteContract } from "./contract";

const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string().describe("Stable machine code, e.g. SOLD_OUT"),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

/** The codes worth naming per status, so clients can tell a bad cursor from a bad body. */
const ERROR_CODES: Record<number, (c: RouteContract, paged: boolean) => string> = {
  400: (c, paged) =>
    [c.body ? "MALFORMED_JSON, JSON_TOO_COMPLEX (nested deeper than 32 or over 1,000 items)" : "", paged ? "INVALID_CURSOR (a cursor this list did not return)" : ""]
      .filter(Boolean)
      .map((codes) => `; ${codes}`)
      .join(""),
  422: () => "; VALIDATION_FAILED with one entry per field in `errors` (times must lie between 1970 and 9999 UTC)",
};

/** Builds the OpenAPI 3.1 document from the same contracts the route handlers validate with. */
export function buildOpenApiDocument(contracts: RouteContract[], info: { version: string; serverUrl: string }) {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
  });
  const problem = registry.register("Problem", problemSchema);

  for (const c of contracts) {
    const responses: Record<string, { description: string; content?: Record<string, { schema: z.ZodType }> }> = {};
    for (const [status, spec] of Object.entries(c.responses)) {
      responses[status] = {
        description: spec.description,
        ...(spec.schema ? { content: { [spec.contentType ?? "application/json"]: { schema: spec.schema } } } : {}),
      };
    }
    const paged = c.query !== undefined && "cursor" in c.query.shape;
    const errorStatuses = new Set([
      ...(c.errors ?? []),
      ...(c.body ? [400, 422] : []),
      ...(paged ? [400] : []),
      ...(c.auth === "user" ? [401] : []),
      ...(c.permission ? [403] : []),
    ]);
    for (const status of errorStatuses) {
      responses[String(status)] = {
        description: `Problem details (RFC 9457)${ERROR_CODES[status]?.(c, paged) ?? ""}`,
        content: { "application/problem+json": { schema: problem } },
      };
    }
    registry.registerPath({
      method: c.method.toLowerCase() as "get",
      path: c.path,
      summary: c.summary,
      tags: c.tags,
      security: c.auth === "none" ? [] : c.auth === "optional" ? [{}, { [bearer.name]: [] }] : [{ [bearer.name]: [] }],
      request: {
        ...(c.params ? { params: c.params } : {}),
        ...(c.query ? { query: c.query } : {}),
        ...(c.headers ? { headers: c.headers } : {}),
        ...(c.body ? { body: { required: true, content: { "application/json": { schema: c.body } } } } : {}),
        ...(c.rawBody
          ? {
              body: {
                required: true,
                description: c.rawBody.description,
                content: Object.fromEntries(c.rawBody.contentTypes.map((type) => [type, { schema: z.string().meta({ format: "binary" }) }])),
              },
            }
          : {}),
      },
      responses,
    });
  }

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Evently API",
      version: info.version,
      description: "Public JSON API of Evently. Errors are RFC 9457 problem+json with a stable `code`.",
    },
    servers: [{ url: info.serverUrl }],
  });
}
