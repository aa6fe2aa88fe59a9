import { withRequestId } from "@/lib/http/api-methods";
import { problemResponse } from "@/lib/http/problem";

/**
 * A path under /api/v1 that names no route: without this, Next answers with its HTML 404 page,
 * which carries no X-Request-Id and is no problem+json. Kept out of withApi on purpose: its
 * metrics label is the raw path, and unknown paths must not mint unbounded label values.
 */
function unknownRoute(req: Request): Response {
  return withRequestId(req, problemResponse(404, "NOT_FOUND", "No API route matches this path."));
}

export const GET = unknownRoute;
export const HEAD = unknownRoute;
export const POST = unknownRoute;
export const PUT = unknownRoute;
export const PATCH = unknownRoute;
export const DELETE = unknownRoute;
export const OPTIONS = unknownRoute;
