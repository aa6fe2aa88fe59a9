import { env } from "@/lib/env";

/**
 * CORS for /api/v1, decided at run time from CORS_ORIGINS: Access-Control-Allow-Origin only ever
 * echoes an allowlisted origin. Access goes by bearer token, never cookies, so no credentials mode.
 */

const ALLOWED_METHODS = "GET, POST, PATCH, PUT, DELETE";
const ALLOWED_REQUEST_HEADERS = "Authorization, Content-Type, Idempotency-Key, X-Request-Id";
const EXPOSED_RESPONSE_HEADERS = "X-Request-Id, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Location";
const PREFLIGHT_MAX_AGE_SECONDS = "600";

/** Origins as a browser sends them: scheme://host[:port], no path, no trailing slash. */
export function parseCorsOrigins(value: string): string[] {
  const origins = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      if (!URL.canParse(s)) throw new Error(`"${s}" is not an origin like https://app.example.com`);
      return new URL(s).origin;
    });
  return [...new Set(origins)];
}

let allowlist: Set<string> | undefined;

function allowed(): Set<string> {
  return (allowlist ??= new Set(parseCorsOrigins(env.CORS_ORIGINS)));
}

/** Adds the CORS headers of an actual (non-preflight) /api/v1 response. */
export function applyCors(req: Request, response: Response): void {
  const origins = allowed();
  if (origins.size === 0) return;
  response.headers.append("vary", "Origin");
  const origin = req.headers.get("origin");
  if (origin === null || !origins.has(origin)) return;
  response.headers.set("access-control-allow-origin", origin);
  response.headers.set("access-control-expose-headers", EXPOSED_RESPONSE_HEADERS);
}

/** The answer to a preflight: permissive headers for an allowlisted origin, none otherwise (the browser then blocks). */
export function preflightResponse(req: Request): Response {
  const origin = req.headers.get("origin");
  const headers = new Headers({ vary: "Origin" });
  if (origin !== null && allowed().has(origin)) {
    headers.set("access-control-allow-origin", origin);
    headers.set("access-control-allow-methods", ALLOWED_METHODS);
    headers.set("access-control-allow-headers", ALLOWED_REQUEST_HEADERS);
    headers.set("access-control-max-age", PREFLIGHT_MAX_AGE_SECONDS);
  }
  return new Response(null, { status: 204, headers });
}
