import { z } from "zod";
import type { RouteContract } from "./contract";
import { problemTitle } from "./problem";

export const problemSchema = z.object({
    type: z.string().describe("A path naming the problem, e.g. /problems/sold-out"),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().describe("For people; may change. Branch on `code`, not on this"),
    code: z.string().describe("Stable UPPER_SNAKE machine code; each operation lists the ones it can answer"),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe("One entry per invalid field (422)"),
});

/** Why each status happens, for the response description. */
const MEANING: Record<number, string> = {
  400: "The request could not be read",
  401: "No valid access token or API token",
  403: "Authenticated, but not allowed (an API token without the route's scope: INSUFFICIENT_SCOPE)",
  404: "Not found (or not yours to see)",
  405: "The path exists, but not with this method; `Allow` names the methods it takes",
  409: "The request conflicts with the resource's current state",
  413: "The request body is too large",
  415: "The body's type is not one this route takes",
  422: "Invalid fields, one entry per field in `errors` (times must lie between 1970 and 9999 UTC)",
  428: "A required precondition header is missing",
  429: "Too many requests; wait `Retry-After` seconds",
  503: "A dependency is unavailable for a moment; retry",
};

/**
 * Every refusal an operation can answer with, status → codes: the wrapper's own (authentication,
 * scopes, parsing, body size, unsupported methods) merged with the route's declared ones.
 */
export function problemCodes(c: RouteContract): Map<number, string[]> {
  const codes = new Map<number, Set<string>>();
  const add = (status: number, ...list: readonly string[]) => {
    const set = codes.get(status) ?? new Set<string>();
    for (const code of list) set.add(code);
    codes.set(status, set);
  };
  const paged = c.query !== undefined && "cursor" in c.query.shape;
  if (c.body) add(400, "MALFORMED_JSON", "JSON_TOO_COMPLEX");
  if (paged) add(400, "INVALID_CURSOR");
  if (c.auth !== "none") add(401, "UNAUTHENTICATED", "INVALID_TOKEN");
  if (c.auth !== "none") add(403, "INSUFFICIENT_SCOPE");
  if (c.auth === "user") add(403, "FORBIDDEN");
  add(405, "METHOD_NOT_ALLOWED");
  if (c.body || c.rawBody) add(413, "PAYLOAD_TOO_LARGE");
  if (c.body || c.query || c.params) add(422, "VALIDATION_FAILED");
  for (const [status, list] of Object.entries(c.errors ?? {})) add(Number(status), ...(list ?? []));
  return new Map([...codes].sort(([a], [b]) => a - b).map(([status, set]) => [status, [...set].sort()]));
}

/** The problem+json content of one refusal: the Problem schema with `code` narrowed to its enum, and an example. */
export function problemContent(status: number, codes: string[]) {
  const first = codes[0]!;
  return {
    description: MEANING[status] ?? "Problem details (RFC 9457)",
    content: {
      "application/problem+json": {
        schema: {
          allOf: [
            { $ref: "#/components/schemas/Problem" },
            { type: "object" as const, properties: { code: { type: "string" as const, enum: codes } } },
          ],
        },
        example: {
          type: `/problems/${first.toLowerCase().replace(/_/g, "-")}`,
          title: problemTitle(status),
          status,
          detail: MEANING[status] ?? "Problem details",
          code: first,
        },
      },
    },
  };
}
