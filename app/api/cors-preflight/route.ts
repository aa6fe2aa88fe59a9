import { preflightResponse } from "@/lib/http/cors";
import { requestIdFrom } from "@/lib/http/request-id";

/** CORS preflights of every /api/v1 route arrive here through a rewrite (lib/ops/security-headers.ts). */
export const dynamic = "force-dynamic";

export function OPTIONS(req: Request): Response {
  const response = preflightResponse(req);
  response.headers.set("x-request-id", requestIdFrom(req.headers));
  return response;
}
