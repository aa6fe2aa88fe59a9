import { EventType, type InngestFunction } from "inngest";
import { readFlowControl, type FlowControl, type FlowOptions } from "./flow-control";

/** Inngest's own default when a function sets no `retries`. */
const DEFAULT_RETRIES = 4;

export type JobFunction = InngestFunction.Any;

type Trigger = { event?: string | EventType<string, undefined>; if?: string; cron?: string };

/**
 * Function options that only an Inngest server applies; in-process they have no effect.
 * `priority`, `concurrency`, `throttle` and `batchEvents` are applied here (flow-control.ts).
 */
const SERVER_ONLY_OPTIONS = ["debounce", "rateLimit", "cancelOn", "singleton", "idempotency", "timeouts"] as const;

export type Registry = {
  appId: string;
  byId: Map<string, JobFunction>;
  /** Functions an event of this name triggers (`booking.*` matches `booking.confirmed`). */
  triggeredBy(eventName: string): JobFunction[];
  crons: { functionId: string; cron: string }[];
  /** Per function, the options it sets that in-process runs ignore (for a start-up warning). */
  ignoredOptions: { functionId: string; options: string[] }[];
  /** Per function, its flow control with compiled expressions. */
  flow: Map<string, FlowControl>;
};

export function functionId(fn: JobFunction): string {
  return fn.opts.id;
}

export function maxAttempts(fn: JobFunction): number {
  return (fn.opts.retries ?? DEFAULT_RETRIES) + 1;
}

function triggersOf(fn: JobFunction): Trigger[] {
  const raw = (fn.opts as { triggers?: unknown }).triggers;
  return (Array.isArray(raw) ? raw : raw ? [raw] : []) as Trigger[];
}

function eventNameOf(trigger: Trigger): string | undefined {
  if (trigger instanceof EventType) return trigger.name;
  return trigger.event instanceof EventType ? trigger.event.name : trigger.event;
}

function matches(pattern: string, name: string): boolean {
  return pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : pattern === name;
}

/**
 * What the in-process runner needs to know about the functions. Options that only an Inngest
 * server implements (trigger expressions) are refused here rather than silently ignored.
 */
export function buildRegistry(appId: string, functions: JobFunction[]): Registry {
  const byId = new Map<string, JobFunction>();
  const eventTriggers: { pattern: string; fn: JobFunction }[] = [];
  const crons: Registry["crons"] = [];
  const ignoredOptions: Registry["ignoredOptions"] = [];
  const flow = new Map<string, FlowControl>();
  for (const fn of functions) {
    const id = functionId(fn);
    if (byId.has(id)) throw new Error(`Two Inngest functions share the id "${id}"`);
    byId.set(id, fn);
    flow.set(id, readFlowControl(id, fn.opts as FlowOptions));
    const options = SERVER_ONLY_OPTIONS.filter((key) => fn.opts[key] !== undefined);
    if (options.length > 0) ignoredOptions.push({ functionId: id, options });
    for (const trigger of triggersOf(fn)) {
      if (trigger.if) throw new Error(`Function "${id}": trigger expressions (if) need an Inngest server`);
      if (trigger.cron) crons.push({ functionId: id, cron: trigger.cron });
      const name = eventNameOf(trigger);
      if (name) eventTriggers.push({ pattern: name, fn });
    }
  }
  return {
    appId,
    byId,
    crons,
    ignoredOptions,
    flow,
    triggeredBy: (eventName) => [
      ...new Set(eventTriggers.filter((t) => matches(t.pattern, eventName)).map((t) => t.fn)),
    ],
  };
}
