import { celEnv, isCelError, parse, plan, type CelResult } from "@bufbuild/cel";
import { durationToMs } from "inngest";
import type { InngestEventPayload } from "./event-payload";

/** Inngest's default priority range: a factor outside it is clipped to it. */
export const PRIORITY_RANGE = { min: -600, max: 600 } as const;

type Expression = { source: string; evaluate: (event: InngestEventPayload) => CelResult };

export type ConcurrencyLimit = { limit: number; scope: "fn" | "account"; key: Expression | null };

/**
 * A function's flow-control options as the embedded runner applies them, with their CEL
 * expressions compiled once at start. Shapes and meaning follow Inngest's `createFunction` options.
 */
export type FlowControl = {
  priority: Expression | null;
  concurrency: ConcurrencyLimit[];
  throttle: { emissionMs: number; toleranceMs: number; key: Expression | null } | null;
  batch: { maxSize: number; timeoutMs: number; key: Expression | null } | null;
};

/** What the runner stores on a run (or a batch item) when it is created, so claims never evaluate. */
export type RunFlow = { priority: number; concurrencyKeys: string[]; throttleKey: string | null; batchKey: string };

type ConcurrencyOption = number | { limit: number; key?: string; scope?: "fn" | "env" | "account" };

export type FlowOptions = {
  priority?: { run?: string };
  concurrency?: ConcurrencyOption | ConcurrencyOption[];
  throttle?: { limit: number; period: string; burst?: number; key?: string };
  batchEvents?: { maxSize: number; timeout: string; key?: string; if?: string };
};

const env = celEnv();

/** Compiles a CEL expression over `event`; a syntax error stops the start with the function named. */
function compile(functionId: string, option: string, source: string): Expression {
  let evaluate: (bindings: { event: unknown }) => CelResult;
  try {
    evaluate = plan(env, parse(source)) as typeof evaluate;
  } catch (err) {
    throw new Error(`Function "${functionId}": ${option} expression "${source}" is not valid CEL: ${(err as Error).message}`);
  }
  return {
    source,
    evaluate: (event) => {
      try {
        return evaluate({ event: event as unknown as Record<string, unknown> } as { event: unknown });
      } catch (err) {
        return err as CelResult;
      }
    },
  };
}

export function readFlowControl(functionId: string, o: FlowOptions): FlowControl {
  const expression = (option: string, source: string | undefined) => (source ? compile(functionId, option, source) : null);
  const declared = o.concurrency === undefined ? [] : Array.isArray(o.concurrency) ? o.concurrency : [o.concurrency];
  if (declared.length > 2) throw new Error(`Function "${functionId}": Inngest accepts at most 2 concurrency limits`);
  const concurrency = declared
    .map((c) => (typeof c === "number" ? { limit: c } : c))
    // A limit of 0 means no limit, as on Inngest.
    .filter((c) => c.limit > 0)
    .map((c, i) => ({
      limit: c.limit,
      // One environment here: an env-scoped limit is shared the way an account-scoped one is.
      scope: c.scope === "env" || c.scope === "account" ? ("account" as const) : ("fn" as const),
      key: expression(`concurrency[${i}].key`, c.key),
    }));
  if (o.batchEvents?.if) throw new Error(`Function "${functionId}": batchEvents.if needs an Inngest server`);
  const throttle = o.throttle
    ? (() => {
        const emissionMs = durationToMs(o.throttle.period) / Math.max(o.throttle.limit, 1);
        // GCRA as Inngest runs it: `burst + 1` starts at once, then one every period / limit.
        return { emissionMs, toleranceMs: emissionMs * ((o.throttle.burst ?? 0) + 1), key: expression("throttle.key", o.throttle.key) };
      })()
    : null;
  const batch = o.batchEvents
    ? { maxSize: o.batchEvents.maxSize, timeoutMs: durationToMs(o.batchEvents.timeout), key: expression("batchEvents.key", o.batchEvents.key) }
    : null;
  return { priority: expression("priority.run", o.priority?.run), concurrency, throttle, batch };
}

/** A key expression's value as a string; an expression that fails puts the run in the function-wide group. */
function keyValue(expression: Expression | null, event: InngestEventPayload): string {
  if (!expression) return "";
  const value = expression.evaluate(event);
  if (isCelError(value) || value === null || value === undefined) return "";
  return typeof value === "string" ? value : String(value);
}

/** Inngest: the factor is clipped to the range, and an expression that fails to evaluate means 0. */
function priorityFactor(expression: Expression | null, event: InngestEventPayload): number {
  if (!expression) return 0;
  const value = expression.evaluate(event);
  const n = typeof value === "bigint" ? Number(value) : typeof value === "number" ? value : NaN;
  if (!Number.isFinite(n)) return 0;
  return Math.max(PRIORITY_RANGE.min, Math.min(PRIORITY_RANGE.max, Math.round(n)));
}

/** Evaluates a function's expressions for the event that starts a run (a batch's first event). */
export function flowOf(functionId: string, flow: FlowControl, event: InngestEventPayload): RunFlow {
  return {
    priority: priorityFactor(flow.priority, event),
    concurrencyKeys: flow.concurrency.map((c) =>
      c.scope === "account" ? `account:${keyValue(c.key, event)}` : `fn:${functionId}:${keyValue(c.key, event)}`,
    ),
    throttleKey: flow.throttle ? `${functionId}:${keyValue(flow.throttle.key, event)}` : null,
    batchKey: flow.batch ? keyValue(flow.batch.key, event) : "",
  };
}
