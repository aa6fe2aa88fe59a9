import { createHmac } from "node:crypto";
import { env } from "@/lib/env";

export type InngestServer = { eventKey: string; signingKey?: string; baseUrl?: string; isDev: boolean };

/**
 * The Inngest server to hand events to, or null when none is configured and functions run
 * in-process (the default, and always in tests).
 */
export function inngestServer(): InngestServer | null {
  const dev = env.INNGEST_DEV;
  if (dev && !["0", "false"].includes(dev)) {
    const devUrl = URL.canParse(dev) ? dev : undefined;
    return { eventKey: env.INNGEST_EVENT_KEY ?? "dev", isDev: true, baseUrl: env.INNGEST_BASE_URL ?? devUrl };
  }
  if (env.INNGEST_EVENT_KEY && env.INNGEST_SIGNING_KEY) {
    return { eventKey: env.INNGEST_EVENT_KEY, signingKey: env.INNGEST_SIGNING_KEY, baseUrl: env.INNGEST_BASE_URL, isDev: false };
  }
  return null;
}

/**
 * Without a server the client still runs in cloud mode, so the public /api/inngest route checks
 * signatures: this key is known to no one outside the process, so nobody can drive a function
 * through that route. In-process execution skips the check instead of signing.
 */
export function localSigningKey(): string {
  return `signkey-local-${createHmac("sha256", env.AUTH_SECRET).update("inngest-local-signing-key").digest("hex")}`;
}
