import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { authorize } from "@/lib/domain/auth/policy";
import { Conflict, NotFound } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { withTransaction } from "@/lib/db/transaction";
import { JOBS_CHANNEL } from "./outbox";
import { jobRuns } from "./schema";

export const retryDeadRunInput = z.object({ runId: z.string() });

export type RetryDeadRunInput = z.input<typeof retryDeadRunInput>;

/**
 * The memoized steps to keep: those before the first step stored as failed. A step that failed
 * for good is memoized as an error, and replaying it would fail the run again without running
 * the step; the steps before it succeeded and are not redone.
 */
const keptOrder = sql`coalesce((
  select jsonb_agg(s.id order by s.n) from jsonb_array_elements_text(${jobRuns.stepOrder}) with ordinality s(id, n)
  where s.n < coalesce((
    select min(e.n) from jsonb_array_elements_text(${jobRuns.stepOrder}) with ordinality e(id, n)
    where ${jobRuns.steps} -> e.id ->> 'type' = 'error'), 'infinity'::numeric)
), '[]'::jsonb)`;

const keptSteps = sql`coalesce((
  select jsonb_object_agg(k.key, k.value) from jsonb_each(${jobRuns.steps}) k
  where ${keptOrder} ? k.key
), '{}'::jsonb)`;

/**
 * Gives a dead run a fresh set of attempts, due now, resuming after its last successful step.
 * Only a run that is still dead changes (the status is checked in the UPDATE itself), so two
 * operators or a double click retry it once; the second is told it is no longer dead.
 */
export async function retryDeadRun({ ctx, input }: { ctx: Ctx; input: RetryDeadRunInput }): Promise<{ runId: string }> {
  authorize(ctx.actor, "jobs:manage");
  const { runId } = retryDeadRunInput.parse(input);
  if (!isUuid(runId)) throw new NotFound("NOT_FOUND", "No such job run.");

  const retried = await withTransaction(ctx, async (tx) => {
    const [row] = await tx.execute<{ function_id: string; last_error: Record<string, unknown> | null }>(sql`
      update ${jobRuns} set
        status = 'queued',
        attempt = 0,
        run_at = now(),
        locked_by = null,
        locked_until = null,
        finished_at = null,
        updated_at = now(),
        step_order = ${keptOrder},
        steps = ${keptSteps}
      where ${jobRuns.id} = ${runId} and ${jobRuns.status} = 'dead'
      returning ${jobRuns.functionId} as function_id, ${jobRuns.lastError} as last_error`);
    if (row) await tx.execute(sql`select pg_notify(${JOBS_CHANNEL}, '')`);
    return row ?? null;
  });

  if (!retried) {
    const [exists] = await ctx.db.select({ id: jobRuns.id }).from(jobRuns).where(sql`${jobRuns.id} = ${runId}`);
    if (!exists) throw new NotFound("NOT_FOUND", "No such job run.");
    throw new Conflict("RUN_NOT_DEAD", "This run is not dead any more: it was already retried.");
  }
  const by = ctx.actor.type === "user" ? ctx.actor.userId : ctx.actor.type;
  const previousError = retried.last_error?.message ?? null;
  ctx.log.info({ runId, functionId: retried.function_id, previousError, by }, "jobs.run_retried");
  return { runId };
}
