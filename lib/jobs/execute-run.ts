import { durationToMs } from "inngest";
import type { Db } from "@/lib/db/client";
import type { Logger } from "@/lib/log/logger";
import { executorRequest, type InProcessHandler } from "./in-process-handler";
import type { Registry } from "./registry";
import { runInJobScope } from "./job-scope";
import { complete, markDead, release, requeue, saveSteps, type SerializedError, type StepState } from "./run-state";
import type { JobRun } from "./schema";

export type RunOutcome = "completed" | "retrying" | "sleeping" | "dead" | "released" | "lost";

export type ExecuteRunOptions = {
  db: Db;
  registry: Registry;
  handler: InProcessHandler;
  workerId: string;
  log: Logger;
  /** Delay before retry number `attempt` (1-based). */
  backoff: (attempt: number) => number;
  /** Set when the worker stops: the run is handed back after the step in progress. */
  signal?: AbortSignal;
};

/** An op as the SDK reports it in a 206 answer. */
type Op = { id: string; op: string; name?: string; displayName?: string; data?: unknown; error?: SerializedError };

/** Step tools whose waiting only an Inngest server can do. */
const SERVER_ONLY_OPS = new Set(["WaitForEvent", "WaitForSignal", "InvokeFunction", "AIGateway", "Gateway"]);

function retryAt(response: Response, attempt: number, backoff: (attempt: number) => number): Date {
  const header = response.headers.get("retry-after");
  if (header) {
    const at = /^\d+$/.test(header) ? Date.now() + Number(header) * 1000 : Date.parse(header);
    if (Number.isFinite(at)) return new Date(at);
  }
  return new Date(Date.now() + backoff(attempt));
}

function wakeAt(op: Op): Date {
  const until = op.name ?? "";
  return /^\d{4}-\d{2}-\d{2}T/.test(until) ? new Date(until) : new Date(Date.now() + durationToMs(until));
}

function asError(body: unknown, fallback: string): SerializedError {
  if (body && typeof body === "object") return body as SerializedError;
  return { name: "Error", message: typeof body === "string" && body ? body : fallback };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}

/**
 * Drives one claimed run through the SDK's handler, as an Inngest server would: each finished
 * step is stored before the next step's code runs, so a crash loses at most the step in progress.
 * Returns when the run completes, dies, waits (retry, sleep) or is handed back.
 */
export async function executeRun(run: JobRun, o: ExecuteRunOptions): Promise<RunOutcome> {
  const state: StepState = { steps: { ...run.steps }, stepOrder: [...run.stepOrder], attempt: run.attempt };
  const call = (request: { stepId?: string; planOnly?: boolean } = {}) =>
    runInJobScope({ db: o.db }, () => o.handler(executorRequest(o.registry, run, state, request)));
  // A finished step is written before any further step code runs, but not on its own: the next
  // call only plans, so the write joins the run's completion (or the save before the next step).
  let unsaved = false;
  const written = (ok: boolean, outcome: RunOutcome): RunOutcome => (ok ? outcome : "lost");

  const fail = async (response: Response, error: SerializedError): Promise<RunOutcome> => {
    const attempt = state.attempt + 1;
    if (response.headers.get("x-inngest-no-retry") === "true" || attempt >= run.maxAttempts) {
      o.log.error({ err: error, attempt }, "job.dead");
      return written(await markDead(o.db, run, o.workerId, state, error), "dead");
    }
    const at = retryAt(response, attempt, o.backoff);
    o.log.warn({ err: error, attempt, retryAt: at }, "job.retry_scheduled");
    return written(await requeue(o.db, run, o.workerId, { ...state, attempt }, at, error), "retrying");
  };

  /** Records a step outcome; returns the outcome that ends this execution, or null to go on. */
  const apply = async (response: Response, op: Op): Promise<RunOutcome | null> => {
    switch (op.op) {
      case "StepRun":
        state.steps[op.id] = { type: "data", data: op.data ?? null };
        state.stepOrder.push(op.id);
        state.attempt = 0;
        unsaved = true;
        return null;
      case "StepFailed":
        // Retries exhausted or NonRetriableError: the function sees the error thrown at its step.
        state.steps[op.id] = { type: "error", error: op.error };
        state.stepOrder.push(op.id);
        state.attempt = 0;
        unsaved = true;
        return null;
      case "StepError":
        return fail(response, asError(op.error, `Step ${op.displayName ?? op.id} failed`));
      case "Sleep": {
        state.steps[op.id] = { type: "data", data: null };
        state.stepOrder.push(op.id);
        state.attempt = 0;
        return written(await requeue(o.db, run, o.workerId, state, wakeAt(op)), "sleeping");
      }
      default: {
        const what = SERVER_ONLY_OPS.has(op.op) ? "needs an Inngest server" : "is not supported in-process";
        const error = { name: "UnsupportedStep", message: `Step "${op.displayName ?? op.id}" (${op.op}) ${what}` };
        o.log.error({ err: error }, "job.dead");
        return written(await markDead(o.db, run, o.workerId, state, error), "dead");
      }
    }
  };

  if (state.attempt >= run.maxAttempts) {
    o.log.error({ err: run.lastError, attempt: state.attempt }, "job.dead");
    return written(await markDead(o.db, run, o.workerId, state, run.lastError ?? { message: "Out of attempts" }), "dead");
  }

  for (;;) {
    if (o.signal?.aborted) return written(await release(o.db, run, o.workerId, state), "released");
    const response = await call({ planOnly: unsaved });
    const body = await readJson(response);
    if (response.status === 200) return written(await complete(o.db, run, o.workerId, state, body), "completed");
    if (response.status !== 206 || !Array.isArray(body)) return fail(response, asError(body, `HTTP ${response.status}`));

    const ops = body as Op[];
    const planned = ops.filter((op) => op.op === "StepPlanned");
    if (planned.length > 0 && unsaved) {
      if (!(await saveSteps(o.db, run, o.workerId, state))) return "lost";
      unsaved = false;
    }
    for (const op of planned.length > 0 ? planned : ops) {
      // Parallel steps come back planned; each is then run on its own, as the server would.
      const [stepResponse, stepOps] = planned.length > 0 ? await runPlanned(op.id) : [response, [op]];
      for (const stepOp of stepOps) {
        const ended = await apply(stepResponse, stepOp);
        if (ended) return ended;
      }
    }
  }

  async function runPlanned(stepId: string): Promise<[Response, Op[]]> {
    const response = await call({ stepId });
    const body = await readJson(response);
    if (response.status === 206 && Array.isArray(body)) return [response, body as Op[]];
    return [response, [{ id: stepId, op: "StepError", error: asError(body, `HTTP ${response.status}`) }]];
  }
}
