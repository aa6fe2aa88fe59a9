/**
 * The response headers next.config.ts attaches to every page and API response. Next bakes
 * `headers()` into the build (routes-manifest.json), so nothing here depends on deployment
 * config; static headers cost nothing per request, unlike a proxy (middleware) in front of
 * every route. CORS, which does depend on config, is answered at run time (lib/http/cors.ts).
 */

export type Header = { key: string; value: string };
export type HeaderRule = { source: string; headers: Header[] };
export type RewriteRule = {
  source: string;
  has: { type: "header"; key: string }[];
  destination: string;
};

const HSTS_MAX_AGE_SECONDS = 2 * 365 * 24 * 60 * 60;

/**
 * Static, without nonces: Next's own inline bootstrap scripts then need 'unsafe-inline'. What
 * the policy still buys: no plugins, no framing (clickjacking), no foreign scripts, forms and
 * <base> pinned to this origin. `next dev` also needs eval (React's dev tooling) and a websocket.
 */
export function contentSecurityPolicy(development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaderRules({ development }: { development: boolean }): HeaderRule[] {
  const headers: Header[] = [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(development) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    // For browsers that predate frame-ancestors.
    { key: "X-Frame-Options", value: "DENY" },
    // The camera is this origin's for every document, not only the scanner's: a Permissions-Policy
    // holds for the document it came with, and the App Router keeps that document across client
    // navigations, so the scanner opened from a link or after signing in runs under the policy of
    // whichever page was loaded first. (self) still keeps every other origin's frames off it.
    { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=(), payment=()" },
    // Browsers ignore HSTS received over plain HTTP (RFC 6797 §8.1), so a production build can
    // always send it: it takes effect exactly when the app is served behind TLS.
    ...(development
      ? []
      : [{ key: "Strict-Transport-Security", value: `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains` }]),
  ];
  return [{ source: "/:path*", headers }];
}

/** Where CORS preflights of /api/v1 are answered: one handler instead of an OPTIONS export per route. */
export const CORS_PREFLIGHT_PATH = "/api/cors-preflight";

/**
 * Only a browser's preflight carries Access-Control-Request-Method (scripts may not set it), so
 * this rewrite sends preflights, and nothing else, to the handler that knows the allowlist.
 */
export function corsPreflightRewrites(): RewriteRule[] {
  return [
    {
      source: "/api/v1/:path*",
      has: [{ type: "header", key: "access-control-request-method" }],
      destination: CORS_PREFLIGHT_PATH,
    },
  ];
}
