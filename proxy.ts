import type { NextRequest } from "next/server";
import { env } from "@/lib/env";
import { crossOriginActionResponse, isCrossOriginAction, isMalformedPath, malformedPathResponse } from "@/lib/http/edge-refusals";

/** The host server actions may also come from (next.config.ts allows the same one). */
const allowedHost = env.APP_URL ? new URL(env.APP_URL).host : undefined;

/**
 * Runs only for the requests its matcher names, which Next would otherwise answer with a plain
 * 500: a path whose percent-escapes do not decode, and a server action from another origin.
 * Everything else never reaches it (see lib/http/edge-refusals.ts).
 */
export function proxy(req: NextRequest): Response | undefined {
  const pathname = new URL(req.url).pathname;
  if (isMalformedPath(pathname)) return malformedPathResponse(req, pathname);
  // The JSON API answers cross-origin callers through CORS; only pages carry server actions.
  if (!pathname.startsWith("/api/") && isCrossOriginAction(req.headers, allowedHost)) return crossOriginActionResponse(req);
  return undefined;
}

// Next tests every request's path (raw and decoded) against these, a few microseconds in all,
// so they stay few and simple: one path pattern, and header conditions on a catch-all path.
export const config = {
  matcher: [
    // A percent sign not followed by two hex digits, or an escaped byte above 0x7f (which may not be UTF-8).
    "/:path(.*%(?:(?![0-9A-Fa-f]{2})|[89A-Fa-f][0-9A-Fa-f]).*)",
    // Server actions: fetched ones carry Next-Action; forms without JavaScript post multipart.
    { source: "/(.*)", has: [{ type: "header", key: "next-action" }, { type: "header", key: "origin" }] },
    { source: "/(.*)", has: [{ type: "header", key: "origin" }, { type: "header", key: "content-type", value: "multipart/form-data.*" }] },
  ],
};
