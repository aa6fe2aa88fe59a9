import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { applyBookingFacts } from "./apply-booking-facts";
import { applyEventSnapshots, eventFactNames } from "./apply-event-snapshot";
import { applyWaitlistChanges } from "./apply-waitlist-change";
import { outboxId, waitlistFactNames } from "./facts";

const bookingFactNames = ["booking.confirmed", "booking.cancelled", "payment.refunded"] as const;

export const analyticsFactNames = [...bookingFactNames, ...waitlistFactNames, ...eventFactNames] as const;

export const applyFactInput = z.object({ outboxId, name: z.string(), data: z.record(z.string(), z.unknown()) });

export const applyFactsInput = z.object({ facts: z.array(applyFactInput) });

const isOneOf = <T extends string>(names: readonly T[], name: string): name is T => (names as readonly string[]).includes(name);

/**
 * The jobs' entry point: routes a batch of delivered facts, by name, to the verb that applies
 * that kind, one statement per kind (a function's batch holds one kind, so one statement). Each
 * verb validates the payloads it reads; a name analytics does not handle is a wiring bug.
 * Returns how many facts were new.
 */
export async function applyAnalyticsFacts({ ctx, input }: { ctx: Ctx; input: z.input<typeof applyFactsInput> }): Promise<{ applied: number }> {
  const { facts } = applyFactsInput.parse(input);
  const unknown = facts.find((f) => !isOneOf(analyticsFactNames, f.name));
  if (unknown) throw new Error(`Analytics does not apply "${unknown.name}"`);
  const of = <T extends string>(names: readonly T[]) =>
    facts.flatMap((f) => (isOneOf(names, f.name) ? [{ outboxId: f.outboxId, name: f.name, fact: f.data as never }] : []));
  const outcomes = await Promise.all([
    of(bookingFactNames).length > 0 ? applyBookingFacts({ ctx, input: { facts: of(bookingFactNames) } }) : { applied: 0 },
    of(waitlistFactNames).length > 0 ? applyWaitlistChanges({ ctx, input: { facts: of(waitlistFactNames) } }) : { applied: 0 },
    of(eventFactNames).length > 0 ? applyEventSnapshots({ ctx, input: { facts: of(eventFactNames) } }) : { applied: 0 },
  ]);
  return { applied: outcomes.reduce((sum, o) => sum + o.applied, 0) };
}

/** One delivered fact, exactly once per outbox id (a batch of one). */
export async function applyAnalyticsFact({ ctx, input }: { ctx: Ctx; input: z.input<typeof applyFactInput> }): Promise<{ applied: boolean }> {
  const { applied } = await applyAnalyticsFacts({ ctx, input: { facts: [input] } });
  return { applied: applied === 1 };
}
