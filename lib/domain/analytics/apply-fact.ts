import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { applyBookingCancelled } from "./apply-booking-cancelled";
import { applyBookingConfirmed } from "./apply-booking-confirmed";
import { applyEventSnapshot, eventFactNames } from "./apply-event-snapshot";
import { applyWaitlistChange } from "./apply-waitlist-change";
import { outboxId, waitlistFactNames } from "./facts";

export const analyticsFactNames = ["booking.confirmed", "booking.cancelled", ...waitlistFactNames, ...eventFactNames] as const;

export const applyFactInput = z.object({ outboxId, name: z.string(), data: z.record(z.string(), z.unknown()) });

const isOneOf = <T extends string>(names: readonly T[], name: string): name is T => (names as readonly string[]).includes(name);

/**
 * The jobs' single entry point: routes a delivered fact, by name, to the verb that applies it.
 * Each verb validates the payload it reads; a name analytics does not handle is a wiring bug.
 */
export async function applyAnalyticsFact({ ctx, input }: { ctx: Ctx; input: z.input<typeof applyFactInput> }): Promise<{ applied: boolean }> {
  const { outboxId: id, name, data } = applyFactInput.parse(input);
  if (name === "booking.confirmed") return applyBookingConfirmed({ ctx, input: { outboxId: id, fact: data as never } });
  if (name === "booking.cancelled") return applyBookingCancelled({ ctx, input: { outboxId: id, fact: data as never } });
  if (isOneOf(waitlistFactNames, name)) return applyWaitlistChange({ ctx, input: { outboxId: id, name, fact: data as never } });
  if (isOneOf(eventFactNames, name)) return applyEventSnapshot({ ctx, input: { outboxId: id, name, fact: data as never } });
  throw new Error(`Analytics does not apply "${name}"`);
}
