import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { applyBookingFacts } from "./apply-booking-facts";
import { bookingConfirmedFact, outboxId } from "./facts";

export const applyBookingConfirmedInput = z.object({ outboxId, fact: bookingConfirmedFact });

/** Adds one confirmed booking to its event's totals and its UTC day, once (a batch of one). */
export async function applyBookingConfirmed({ ctx, input }: { ctx: Ctx; input: z.input<typeof applyBookingConfirmedInput> }) {
  const { outboxId: id, fact } = applyBookingConfirmedInput.parse(input);
  const { applied } = await applyBookingFacts({ ctx, input: { facts: [{ outboxId: id, name: "booking.confirmed", fact }] } });
  return { applied: applied === 1 };
}
