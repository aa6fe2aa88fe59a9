import { applyCors } from "./cors";
import { problemResponse } from "./problem";
import { requestIdFrom } from "./request-id";

type Handler = (req: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type Implemented = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", Handler>>;
type Every = Record<"GET" | "HEAD" | "OPTIONS" | "POST" | "PUT" | "PATCH" | "DELETE", Handler>;

/**
 * Every method Next routes, for one /api/v1 path. Next answers a method a route module does
 * not export with an empty 405 (no Allow, no request id) and OPTIONS with a bare 204, before
 * any app code runs; a module that exports them all keeps both answers in the contract:
 * `export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: get })`.
 * CORS preflights never get here: a rewrite sends them to app/api/cors-preflight.
 */
export function apiMethods(implemented: Implemented): Every {
  const allow = [...Object.keys(implemented), ...(implemented.GET ? ["HEAD"] : []), "OPTIONS"].sort().join(", ");
  const refuse: Handler = async (req) =>
    withRequestId(req, problemResponse(405, "METHOD_NOT_ALLOWED", `This route answers ${allow}.`, { headers: { allow } }));
  const options: Handler = async (req) => withRequestId(req, new Response(null, { status: 204, headers: { allow } }));
  return {
    GET: implemented.GET ?? refuse,
    HEAD: implemented.GET ?? refuse,
    OPTIONS: options,
    POST: implemented.POST ?? refuse,
    PUT: implemented.PUT ?? refuse,
    PATCH: implemented.PATCH ?? refuse,
    DELETE: implemented.DELETE ?? refuse,
  };
}

export function withRequestId(req: Request, response: Response): Response {
  response.headers.set("x-request-id", requestIdFrom(req.headers));
  applyCors(req, response);
  return response;
}
