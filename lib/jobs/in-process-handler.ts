import type { ServeHandlerOptions } from "inngest";
import { serve } from "inngest/edge";
import type { JobRun } from "./schema";
import type { StepState } from "./run-state";
import type { Registry } from "./registry";

export type InProcessHandler = (request: Request) => Promise<Response>;

/**
 * The SDK's own serve handler is the step engine (memoization, step errors, sleeps): the worker
 * calls it in-process with the request body an Inngest server would send. No request crosses a
 * process boundary, so the signature check has nothing to protect here.
 */
export function createInProcessHandler(registry: Registry, client: ServeHandlerOptions["client"]): InProcessHandler {
  const options = { client, functions: [...registry.byId.values()], skipSignatureValidation: true };
  return serve(options as ServeHandlerOptions);
}

const ORIGIN = "http://jobs.in-process";

/**
 * One executor call: run the next step of `run` (or the planned step `stepId`). With `planOnly`
 * the SDK runs no step code: it reports the next steps as planned, or the function's result.
 */
export function executorRequest(
  registry: Registry,
  run: JobRun,
  state: StepState,
  { stepId, planOnly = false }: { stepId?: string; planOnly?: boolean } = {},
): Request {
  const url = new URL("/api/inngest", ORIGIN);
  url.searchParams.set("fnId", `${registry.appId}-${run.functionId}`);
  url.searchParams.set("stepId", stepId ?? "step");
  const body = {
    event: run.event,
    events: run.events ?? [run.event],
    steps: state.steps,
    ctx: {
      run_id: run.id,
      attempt: state.attempt,
      max_attempts: run.maxAttempts,
      disable_immediate_execution: Boolean(stepId) || planOnly,
      stack: { stack: state.stepOrder, current: state.stepOrder.length - 1 },
    },
  };
  // The edge adapter builds URLs from the host header and fails without one.
  return new Request(url, {
    method: "POST",
    headers: { host: url.host, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}
