import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { applyBookingFacts } from "./apply-booking-facts";
import { bookingCancelledFact, outboxId } from "./facts";

export const applyBookingCancelledInput = z.object({ outboxId, fact: bookingCancelledFact });

/** Takes one cancelled booking out of its event's totals and counts it on its UTC day, once (a batch of one). */
export async function applyBookingCancelled({ ctx, input }: { ctx: Ctx; input: z.input<typeof applyBookingCancelledInput> }) {
  const { outboxId: id, fact } = applyBookingCancelledInput.parse(input);
  const { applied } = await applyBookingFacts({ ctx, input: { facts: [{ outboxId: id, name: "booking.cancelled", fact }] } });
  return { applied: applied === 1 };
}
