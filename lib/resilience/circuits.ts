import { createCircuit, type Circuit, type CircuitOptions } from "./circuit";

/**
 * The process's circuits, one per remote dependency. Next can load this module in more than one
 * bundle layer (route handlers, instrumentation), so they live on globalThis: every layer must
 * see the same open/closed state.
 */
const KEY = Symbol.for("evently.circuits");
const holder = globalThis as typeof globalThis & { [KEY]?: Map<string, Circuit> };

/** The process-wide circuit of this name, created with these options on first use. */
export function sharedCircuit(options: CircuitOptions): Circuit {
  const circuits = (holder[KEY] ??= new Map());
  let circuit = circuits.get(options.name);
  if (!circuit) {
    circuit = createCircuit(options);
    circuits.set(options.name, circuit);
  }
  return circuit;
}

/**
 * SMTP delivery runs in job steps: an open circuit fails the step at once and the runner retries
 * it with backoff, so mail is late, never lost. The deadline sits above nodemailer's own timeouts.
 */
export function smtpCircuit(): Circuit {
  return sharedCircuit({ name: "smtp", timeoutMs: 30_000, failuresToOpen: 3, halfOpenAfterMs: 10_000 });
}

/** Handing outbox events to an Inngest server: the outbox keeps them until the circuit closes. */
export function inngestCircuit(): Circuit {
  return sharedCircuit({ name: "inngest", timeoutMs: 10_000, failuresToOpen: 3, halfOpenAfterMs: 5_000 });
}

/** Every process-wide circuit created so far, for health and metrics. */
export function knownCircuits(): Circuit[] {
  return [...(holder[KEY]?.values() ?? [])];
}
