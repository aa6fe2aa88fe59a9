import { env } from "@/lib/env";
import { inngestServer } from "@/lib/jobs/inngest-server";
import { mailTransport } from "@/lib/mail/transport";
import { redisMode } from "@/lib/redis/client";

/** Which optional parts are active in this process, as /api/info and /api/health report them. */
export function features() {
  return {
    redis: redisMode(),
    mail: mailTransport(),
    /** in-process: this app runs its functions from the outbox; inngest: it relays the outbox to an Inngest server. */
    jobs: inngestServer() ? "inngest" : "in-process",
    /** separate: a worker process runs the jobs; inline: this web process does; off: neither (run `npm run worker`). */
    jobsWorker: env.JOBS_WORKER,
    rateLimits: env.RATE_LIMITS,
  };
}
