import type { Ctx } from "@/lib/domain/context";
import { purgeEventLog } from "@/lib/domain/analytics";
import { purgeSecurityEvents, purgeUnverifiedUsers, UNVERIFIED_ACCOUNT_DAYS } from "@/lib/domain/auth";
import { purgeAuditLog, purgeIdempotencyKeys } from "@/lib/domain/bookings";
import { listOrganizerIds } from "@/lib/domain/events";
import { purgeWebhookDeliveries } from "@/lib/domain/webhooks";
import { env } from "@/lib/env";
import type { JOB_HISTORY_RETENTION } from "@/lib/jobs/prune";
import { purgeMailbox } from "@/lib/mail/purge-mailbox";

/**
 * How long each kind of record is kept (days, from lib/env.ts; 0 keeps forever) and which
 * owner deletes it: every deletion goes through the owning domain's own verb, never a query
 * on its tables from here. The apply-retention function applies these rules daily; job
 * history (outbox and job runs) is pruned by the jobs' own prune-job-history function with
 * `jobHistoryRetention()`.
 */

type Purge = (args: { ctx: Ctx; input: { before: Date; limit: number } }) => Promise<number>;

export type RetentionRule = { name: string; days: number; purge: Purge };

export type RetentionOutcome = { name: string; days: number; before: string | null; deleted: number };

/** Rows per statement: each batch is a short autocommit delete, so no lock is held for long. */
const BATCH_SIZE = 1_000;
const DAY_MS = 86_400_000;

/** Owners of any event are kept, unverified or not: their events would otherwise point at nobody. */
const purgeUnverifiedAccounts: Purge = async ({ ctx, input }) =>
  purgeUnverifiedUsers({ ctx, input: { ...input, keepUserIds: await listOrganizerIds({ ctx }) } });

export function retentionRules(): RetentionRule[] {
  return [
    { name: "booking-audit-log", days: env.RETENTION_AUDIT_DAYS, purge: purgeAuditLog },
    { name: "security-log", days: env.RETENTION_SECURITY_LOG_DAYS, purge: purgeSecurityEvents },
    { name: "analytics-event-log", days: env.RETENTION_ANALYTICS_EVENT_LOG_DAYS, purge: purgeEventLog },
    { name: "idempotency-keys", days: env.RETENTION_IDEMPOTENCY_DAYS, purge: purgeIdempotencyKeys },
    { name: "webhook-deliveries", days: env.RETENTION_WEBHOOK_DELIVERIES_DAYS, purge: purgeWebhookDeliveries },
    { name: "mailbox", days: env.RETENTION_MAILBOX_DAYS, purge: ({ ctx, input }) => purgeMailbox(ctx.db, input) },
    { name: "unverified-accounts", days: UNVERIFIED_ACCOUNT_DAYS, purge: purgeUnverifiedAccounts },
  ];
}

/** Applies one rule: deletes in batches until a batch comes back short. Safe to repeat. */
export async function applyRetentionRule(ctx: Ctx, rule: RetentionRule, batchSize = BATCH_SIZE): Promise<RetentionOutcome> {
  if (rule.days === 0) return { name: rule.name, days: 0, before: null, deleted: 0 };
  const before = new Date(ctx.now().getTime() - rule.days * DAY_MS);
  let deleted = 0;
  for (;;) {
    const batch = await rule.purge({ ctx, input: { before, limit: batchSize } });
    deleted += batch;
    if (batch < batchSize) break;
  }
  ctx.log.info({ rule: rule.name, days: rule.days, before: before.toISOString(), deleted }, "retention.applied");
  return { name: rule.name, days: rule.days, before: before.toISOString(), deleted };
}

/** Dead runs are kept at least a month, whatever RETENTION_JOBS_DAYS says: someone should look at them. */
const DEAD_RUNS_MIN_DAYS = 30;

/** Job history retention from RETENTION_JOBS_DAYS; null keeps it forever. */
export function jobHistoryRetention(): typeof JOB_HISTORY_RETENTION | null {
  const days = env.RETENTION_JOBS_DAYS;
  if (days === 0) return null;
  return { completedDays: days, deadDays: Math.max(days, DEAD_RUNS_MIN_DAYS), eventDays: days };
}
