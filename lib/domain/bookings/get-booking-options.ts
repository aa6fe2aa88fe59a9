import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { isUuid } from "@/lib/domain/ids";
import { eventInventory, seatHoldings, waitlistEntries } from "./schema";
import { positionOf, toEntryView, type WaitlistEntryView } from "./waitlist-view";

export const getBookingOptionsInput = z.object({ eventId: z.string() });

/** Most seats one request may ask for (API.md: quantity 1–10). */
export const MAX_SEATS_PER_REQUEST = 10;

export type BookingOptions = {
  /** open: book now; sold_out: not enough seats for even one more (join the waitlist); closed: draft, cancelled or over. */
  state: "open" | "sold_out" | "closed";
  seatsAvailable: number;
  perUserLimit: number;
  priceCents: number;
  currency: string;
  /** Seats the actor holds now for this event (0 when anonymous). */
  mySeats: number;
  /** Largest quantity the actor may request now: min(10, per-user cap − own seats). */
  maxQuantity: number;
  myEntry: WaitlistEntryView | null;
};

/** What the event page's booking panel offers this actor; null when the event has no seats at all (unknown). */
export async function getBookingOptions({ ctx, input }: { ctx: Ctx; input: z.input<typeof getBookingOptionsInput> }): Promise<BookingOptions | null> {
  const { eventId } = getBookingOptionsInput.parse(input);
  if (!isUuid(eventId)) return null;
  const [inv] = await ctx.db.select().from(eventInventory).where(eq(eventInventory.eventId, eventId));
  if (!inv) return null;
  const userId = ctx.actor.type === "user" ? ctx.actor.userId : null;
  const [holding, entry] = userId
    ? await Promise.all([
        ctx.db.select({ seats: seatHoldings.seats }).from(seatHoldings).where(and(eq(seatHoldings.eventId, eventId), eq(seatHoldings.userId, userId))),
        ctx.db
          .select({ row: waitlistEntries, position: positionOf })
          .from(waitlistEntries)
          .where(and(eq(waitlistEntries.eventId, eventId), eq(waitlistEntries.userId, userId), eq(waitlistEntries.status, "waiting"))),
      ])
    : [[], []];
  const seatsAvailable = Math.max(0, inv.capacity - inv.sold - inv.held);
  const mySeats = holding[0]?.seats ?? 0;
  const bookable = inv.status === "published" && inv.endsAt > ctx.now();
  return {
    state: !bookable ? "closed" : seatsAvailable === 0 ? "sold_out" : "open",
    seatsAvailable,
    perUserLimit: inv.perUserLimit,
    priceCents: inv.priceCents,
    currency: inv.currency,
    mySeats,
    maxQuantity: Math.max(0, Math.min(MAX_SEATS_PER_REQUEST, inv.perUserLimit - mySeats)),
    myEntry: entry[0] ? toEntryView(entry[0].row, entry[0].position) : null,
  };
}
