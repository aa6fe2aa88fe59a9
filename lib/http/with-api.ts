import type { ZodObject, ZodType } from "zod";
import { getDb } from "@/lib/db/client";
import type { Actor, Ctx } from "@/lib/domain/context";
import { Forbidden, Unauthenticated } from "@/lib/domain/errors";
import { authenticateAccessToken, authenticateApiToken, authorize, looksLikeApiToken, looksLikeOrganizationToken } from "@/lib/domain/auth";
import { authenticateOrganizationToken, withMemberships } from "@/lib/domain/organizations";
import { loggerFor } from "@/lib/log/logger";
import { recordHttpRequest } from "@/lib/metrics/http";
import type { Infer, RouteContract } from "./contract";
import { clientIp } from "./client-info";
import { applyCors } from "./cors";
import { parseJsonBody, parseQuery, PayloadTooLarge } from "./parse-request";
import { problemResponse, toProblem } from "./problem";
import { requestIdFrom } from "./request-id";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export type ApiArgs<TBody, TQuery, TParams> = {
  req: Request;
  ctx: Ctx;
  body: TBody;
  query: TQuery;
  params: TParams;
};

function bearerToken(req: Request): string | null {
  const header = req.headers.get("authorization");
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new Unauthenticated("INVALID_TOKEN", "Use an `Authorization: Bearer <token>` header.");
  return match[1]!;
}

/** An access token (a JWT from /auth/token), a personal or an organization's API token, told apart by their prefixes. */
function authenticate(req: Request, db: ReturnType<typeof getDb>, token: string, now: Date): Promise<Actor> {
  if (looksLikeApiToken(token)) return authenticateApiToken({ db, token, now, ip: clientIp(req.headers) });
  if (looksLikeOrganizationToken(token)) return authenticateOrganizationToken({ db, token, now, ip: clientIp(req.headers) });
  return authenticateAccessToken({ db, token, now });
}

/** An API token reaches only the routes whose scope it holds; account and admin routes none. */
function checkTokenScope(actor: Actor, contract: RouteContract): void {
  if (actor.type !== "user" || !actor.apiToken) return;
  const needed = contract.tokenScope;
  if (needed === null) throw new Forbidden("INSUFFICIENT_SCOPE", "API tokens cannot call this route; sign in instead.");
  if (!actor.apiToken.scopes.includes(needed)) throw new Forbidden("INSUFFICIENT_SCOPE", `This API token lacks the ${needed} scope.`);
}

/** The route template for metrics: each param value in the path replaced by its name. */
function routeTemplate(pathname: string, params: Record<string, string | string[]>): string {
  const byValue = new Map<string, string>();
  for (const [name, value] of Object.entries(params)) if (typeof value === "string") byValue.set(value, `[${name}]`);
  if (byValue.size === 0) return pathname;
  return pathname
    .split("/")
    .map((segment) => byValue.get(decodeURIComponent(segment)) ?? segment)
    .join("/");
}

/**
 * Wraps a public route handler: request id, logger, authentication, the contract's permission,
 * input parsing, `Cache-Control: no-store` on answers to signed-in callers, timing, and the
 * single error → problem+json mapping. Checks run in API.md's order (401, 403, 422, then the
 * handler's 409s). Handlers stay a few lines.
 */
export function withApi<
  TBody extends ZodType | undefined,
  TQuery extends ZodObject | undefined,
  TParams extends ZodObject | undefined,
>(
  contract: RouteContract<TBody, TQuery, TParams>,
  handler: (args: ApiArgs<Infer<TBody>, Infer<TQuery>, Infer<TParams>>) => Promise<Response>,
  options: {
    /**
     * A permission that depends on the resource (the event's owner), checked before the query
     * and body are parsed so a caller who may not act learns nothing about what they sent.
     */
    authorize?: (args: { ctx: Ctx; params: Infer<TParams> }) => Promise<void>;
    /**
     * The handler checks the same permission itself, in the statement that does its work (the
     * door's hot path): `authorize` then runs only when the query or body is refused, so such a
     * caller still hears 403/404 before 422, and a valid request costs no query for it.
     */
    handlerAuthorizes?: boolean;
  } = {},
) {
  return async (req: Request, context: RouteContext): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdFrom(req.headers);
    const log = loggerFor({ requestId });
    const url = new URL(req.url);
    const rawParams = (await context?.params) ?? {};
    let response: Response;
    // What a signed-in caller gets back is theirs alone: no shared cache may keep it.
    let privateAnswer = contract.auth === "user";
    try {
      const db = getDb();
      const now = new Date();
      let actor: Actor = { type: "anonymous" };
      if (contract.auth !== "none") {
        const token = bearerToken(req);
        if (token) actor = await authenticate(req, db, token, now);
        if (actor.type === "user") actor = await withMemberships({ actor, db, requestId, log, now: () => now }, actor);
        else if (contract.auth === "user") throw new Unauthenticated("UNAUTHENTICATED", "This route needs an access token.");
        privateAnswer ||= actor.type === "user";
      }
      checkTokenScope(actor, contract as RouteContract);
      if (contract.permission) authorize(actor, contract.permission);
      const params = (contract.params ? contract.params.parse(rawParams) : undefined) as Infer<TParams>;
      const ctx: Ctx = { actor, db, requestId, log, now: () => new Date() };
      if (options.authorize && !options.handlerAuthorizes) await options.authorize({ ctx, params });
      let query: Infer<TQuery>;
      let body: Infer<TBody>;
      try {
        query = (contract.query ? parseQuery(url, contract.query) : undefined) as Infer<TQuery>;
        body = (contract.body ? await parseJsonBody(req, contract.body) : undefined) as Infer<TBody>;
      } catch (refused) {
        if (options.authorize && options.handlerAuthorizes) await options.authorize({ ctx, params });
        throw refused;
      }
      response = await handler({ req, ctx, body, query, params });
    } catch (error) {
      response =
        error instanceof PayloadTooLarge
          ? problemResponse(413, "PAYLOAD_TOO_LARGE", "The request body is too large.")
          : toProblem(error, log);
    }
    response.headers.set("x-request-id", requestId);
    if (privateAnswer && !response.headers.has("cache-control")) response.headers.set("cache-control", "no-store");
    applyCors(req, response);
    const seconds = (performance.now() - started) / 1000;
    recordHttpRequest(req.method, routeTemplate(url.pathname, rawParams), response.status, seconds);
    if (response.status >= 500) log.warn({ status: response.status, route: contract.path }, "request.error");
    return response;
  };
}

export function json(data: unknown, status = 200, headers?: Record<string, string>): Response {
  return Response.json(data, { status, headers });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}
