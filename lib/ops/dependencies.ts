import { inngestServer } from "@/lib/jobs/inngest-server";
import { mailTransport } from "@/lib/mail/transport";
import { getRedis } from "@/lib/redis/client";
import { redisCircuit } from "@/lib/redis/safe-redis";
import type { Circuit } from "@/lib/resilience/circuit";
import { inngestCircuit, smtpCircuit } from "@/lib/resilience/circuits";

/** The circuits of the remote dependencies this process is configured to use. */
export function dependencyCircuits(): Circuit[] {
  const redis = getRedis();
  return [
    ...(redis ? [redisCircuit(redis)] : []),
    ...(mailTransport() === "smtp" ? [smtpCircuit()] : []),
    ...(inngestServer() ? [inngestCircuit()] : []),
  ];
}
