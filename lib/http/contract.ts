import type { z, ZodObject, ZodType } from "zod";
import type { Action } from "@/lib/domain/auth";

/**
 * One public route, described once: the wrapper validates requests with these schemas and the
 * OpenAPI document is generated from the same objects, so the docs cannot drift from the code.
 */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** `none`: anyone; `optional`: a bearer token is used when sent (and must then be valid); `user`: required. */
export type AuthMode = "none" | "optional" | "user";

export type ResponseSpec = { description: string; schema?: ZodType; contentType?: string };

export type RouteContract<
  TBody extends ZodType | undefined = ZodType | undefined,
  TQuery extends ZodObject | undefined = ZodObject | undefined,
  TParams extends ZodObject | undefined = ZodObject | undefined,
> = {
  method: HttpMethod;
  /** OpenAPI style: /api/v1/events/{id} */
  path: string;
  summary: string;
  tags: string[];
  auth: AuthMode;
  /**
   * A right the caller needs whatever the resource (e.g. `event:create`), checked right after
   * authentication and before the input is parsed: a caller who may not call the route learns
   * nothing about the validity of what they sent (API.md, order of checks).
   */
  permission?: Action;
  body?: TBody;
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
  /** Error statuses this route can answer with (documented as problem+json). */
  errors?: number[];
};

export type Infer<T> = T extends ZodType ? z.output<T> : undefined;

export function defineRoute<
  TBody extends ZodType | undefined = undefined,
  TQuery extends ZodObject | undefined = undefined,
  TParams extends ZodObject | undefined = undefined,
>(contract: RouteContract<TBody, TQuery, TParams>): RouteContract<TBody, TQuery, TParams> {
  return contract;
}
