import { preflightResponse } from "@/lib/http/cors";

/** CORS preflights of every /api/v1 route arrive here through a rewrite (lib/ops/security-headers.ts). */
export const dynamic = "force-dynamic";

export function OPTIONS(req: Request): Response {
  return preflightResponse(req);
}
