import { Gauge } from "prom-client";
import type { Circuit } from "@/lib/resilience/circuit";
import { metric } from "./registry";

const LEVEL = { closed: 0, half_open: 1, open: 2 } as const;

const circuitState = metric(
  "circuit_state",
  (r) =>
    new Gauge({
      name: "circuit_state",
      help: "Circuit breaker per dependency: 0 closed (calling it), 1 half-open (trial call), 2 open (failing fast)",
      labelNames: ["circuit"],
      registers: [r],
    }),
);

export function collectCircuitMetrics(circuits: Circuit[]): void {
  for (const circuit of circuits) circuitState.set({ circuit: circuit.name }, LEVEL[circuit.status()]);
}
