import type { z, ZodObject, ZodType } from "zod";
import type { Action, ApiScope } from "@/lib/domain/auth";

/**
 * One public route, described once: the wrapper validates requests with these schemas and the
 * OpenAPI document is generated from the same objects, so the docs cannot drift from the code.
 */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** `none`: anyone; `optional`: a bearer token is used when sent (and must then be valid); `user`: required. */
export type AuthMode = "none" | "optional" | "user";

/**
 * One answer. A JSON answer carries an example, checked against its schema by
 * tests/api/openapi-coverage.test.ts, so a generated client's docs show a real payload.
 */
export type ResponseSpec = {
  description: string;
  schema?: ZodType;
  contentType?: string;
  example?: unknown;
  /** Response headers worth documenting beyond the ones every answer carries (X-Request-Id). */
  headers?: Record<string, { description: string; schema: { type: "string" | "integer" } }>;
};

/** Refusals a route can answer with beyond the wrapper's own: status → its stable `code`s. */
export type ErrorCodes = Partial<Record<400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 428 | 429 | 503, readonly string[]>>;

export type RouteContract<
  TBody extends ZodType | undefined = ZodType | undefined,
  TQuery extends ZodObject | undefined = ZodObject | undefined,
  TParams extends ZodObject | undefined = ZodObject | undefined,
> = {
  method: HttpMethod;
  /** OpenAPI style: /api/v1/events/{id} */
  path: string;
  /** Stable name for generated clients (`createEvent` → `client.createEvent`); never renamed. */
  operationId: string;
  summary: string;
  tags: string[];
  auth: AuthMode;
  /**
   * The scope an API token needs to call this route; `null`: no API token may (account, sign-in
   * and admin routes, which only a signed-in person uses). Required, so a new route decides.
   */
  tokenScope: ApiScope | null;
  /**
   * A right the caller needs whatever the resource (e.g. `event:create`), checked right after
   * authentication and before the input is parsed: a caller who may not call the route learns
   * nothing about the validity of what they sent (API.md, order of checks).
   */
  permission?: Action;
  body?: TBody;
  /** A valid request body, shown in the docs and checked against `body` by the coverage test. */
  bodyExample?: unknown;
  /**
   * A body taken as raw bytes (an upload) rather than JSON: documented here, read by the
   * handler itself (readBoundedBytes) with the route's own size limit.
   */
  rawBody?: { contentTypes: string[]; description: string };
  query?: TQuery;
  params?: TParams;
  /** Extra request headers worth documenting (e.g. Idempotency-Key). */
  headers?: ZodObject;
  responses: Record<number, ResponseSpec>;
  /** Route-specific refusals (documented as problem+json with `code` as an enum). */
  errors?: ErrorCodes;
};

export type Infer<T> = T extends ZodType ? z.output<T> : undefined;

export function defineRoute<
  TBody extends ZodType | undefined = undefined,
  TQuery extends ZodObject | undefined = undefined,
  TParams extends ZodObject | undefined = undefined,
>(contract: RouteContract<TBody, TQuery, TParams>): RouteContract<TBody, TQuery, TParams> {
  return contract;
}
