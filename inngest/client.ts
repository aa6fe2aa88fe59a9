import { Inngest } from "inngest";
import { JobContextMiddleware } from "@/lib/jobs/job-context";
import { inngestServer, localSigningKey } from "@/lib/jobs/inngest-server";
import { outboxFetch } from "@/lib/jobs/outbox-fetch";
import { logger } from "@/lib/log/logger";

const server = inngestServer();

/**
 * The one Inngest client. Its sends go to the outbox (lib/jobs/outbox-fetch.ts); functions get
 * the use-case `ctx` from JobContextMiddleware. Without an Inngest server it stays in cloud
 * mode with a key only this process knows, so the public serve route accepts no request.
 */
export const inngest = new Inngest({
  id: "evently",
  isDev: server?.isDev ?? false,
  eventKey: server?.eventKey ?? "in-process",
  signingKey: server ? server.signingKey : localSigningKey(),
  baseUrl: server?.baseUrl,
  fetch: outboxFetch(server ? globalThis.fetch.bind(globalThis) : null),
  logger: logger.child({ component: "inngest" }),
  middleware: [JobContextMiddleware],
});
