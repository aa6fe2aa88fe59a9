import { problemResponse } from "./problem";
import { requestIdFrom } from "./request-id";

/**
 * Requests Next itself would answer with a 500 before any app code runs, refused by proxy.ts
 * as the 4xx they are. proxy.ts's matcher sends only these requests here, so ordinary
 * requests never pay for them.
 */

/** True when a path has a percent sign that is not an escape, or escapes that are not UTF-8. */
export function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * Next's own check on a server action (Origin host against X-Forwarded-Host or Host, or the
 * allowed origin): it answers a refused one with a 500. A request without Origin passes, as
 * in Next.
 */
export function isCrossOriginAction(headers: Headers, allowedHost: string | undefined): boolean {
  const origin = headers.get("origin");
  if (origin === null) return false;
  const originHost = origin === "null" ? "null" : URL.canParse(origin) ? new URL(origin).host : origin;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return originHost !== host && originHost !== allowedHost;
}

function page(status: number, title: string, text: string, requestId: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} · Evently</title></head><body><h1>${title}</h1><p>${text}</p><p><a href="/">Back to Evently</a></p></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "x-request-id": requestId } });
}

export function malformedPathResponse(req: Request, pathname: string): Response {
  const requestId = requestIdFrom(req.headers);
  if (pathname.startsWith("/api/")) {
    const response = problemResponse(400, "MALFORMED_PATH", "The path has a percent sign that does not start a valid UTF-8 escape.");
    response.headers.set("x-request-id", requestId);
    return response;
  }
  return page(400, "Bad request", "This address has a broken percent-encoding.", requestId);
}

export function crossOriginActionResponse(req: Request): Response {
  return page(403, "Forbidden", "This form was sent from another site.", requestIdFrom(req.headers));
}
