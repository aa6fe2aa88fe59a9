import { Middleware } from "inngest";
import { getDb } from "@/lib/db/client";
import { system, type Ctx } from "@/lib/domain/context";
import { loggerFor } from "@/lib/log/logger";
import { requestIdOfEvent } from "./event-payload";
import { currentJobScope } from "./job-scope";

/**
 * Gives every function a use-case context as `ctx`: the system actor, the database, and a
 * logger bound to the request that caused the run and to the run itself, so a request's log
 * lines and its jobs' log lines share one requestId.
 */
export class JobContextMiddleware extends Middleware.BaseMiddleware {
  readonly id = "evently:job-context";

  transformFunctionInput(arg: Middleware.TransformFunctionInputArgs): Middleware.TransformFunctionInputArgs & {
    ctx: { ctx: Ctx };
  } {
    const { event, runId } = arg.ctx;
    const requestId = requestIdOfEvent(event) ?? event.id ?? runId;
    const log = loggerFor({ requestId, runId, functionId: arg.fn.opts.id, event: event.name });
    const ctx: Ctx = { actor: system, db: currentJobScope()?.db ?? getDb(), requestId, log, now: () => new Date() };
    return { ...arg, ctx: { ...arg.ctx, ctx } };
  }
}
