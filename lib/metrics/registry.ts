import { Registry, collectDefaultMetrics } from "prom-client";

/**
 * One registry per process. Next may load this module in more than one bundle layer
 * (route handlers, instrumentation), so the instance lives on globalThis.
 */
const globalKey = Symbol.for("evently.metrics.registry");
type WithRegistry = typeof globalThis & { [globalKey]?: Registry };

function create(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

export const registry: Registry = ((globalThis as WithRegistry)[globalKey] ??= create());

/** Returns the metric registered under `name`, creating it once per process. */
export function metric<T>(name: string, create: (registry: Registry) => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create(registry);
}
