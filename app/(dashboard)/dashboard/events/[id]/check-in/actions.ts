"use server";

import { z } from "zod";
import { checkInStats, checkInTicket } from "@/lib/domain/bookings";
import { Conflict, NotFound } from "@/lib/domain/errors";
import { action } from "@/lib/web/action";
import type { ScanOutcome } from "./scan-queue";

/** The scanner's check-in: the route's use case, with a refusal answered as an outcome the door shows (when, by whom, why). */
export const checkInAction = action(
  z.object({ eventId: z.string(), ticketCode: z.string(), scannedAt: z.string().optional() }),
  async ({ input, ctx }): Promise<ScanOutcome> => {
    try {
      const v = await checkInTicket({ ctx, input });
      return { kind: "admitted", ticketCode: input.ticketCode, holderName: v.order.holderName, ticketType: v.ticketType.name, checkedInAt: v.checkedInAt };
    } catch (e) {
      if (!(e instanceof Conflict || (e instanceof NotFound && e.code === "TICKET_NOT_FOUND"))) throw e;
      const facts = e instanceof Conflict ? e.facts : {};
      const text = (key: string) => (typeof facts[key] === "string" ? (facts[key] as string) : null);
      return { kind: "refused", ticketCode: input.ticketCode, code: e.code, detail: e.message, ticketType: text("ticketType"), checkedInAt: text("checkedInAt"), checkedInBy: text("checkedInBy") };
    }
  },
);

export const checkInStatsAction = action(z.object({ eventId: z.string() }), async ({ input, ctx }) => {
  const { checkedIn, tickets } = await checkInStats({ ctx, input });
  return { checkedIn, tickets };
});
