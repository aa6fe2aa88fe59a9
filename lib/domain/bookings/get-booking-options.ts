import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { isUuid } from "@/lib/domain/ids";
import { readAvailability } from "./availability";
import { firstOnSaleType, onSale, readOrderTerms } from "./order-terms";
import { seatHoldings, waitlistEntries } from "./schema";
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
  /** The visible live types in page order, with what each offers now. */
  ticketTypes: TicketTypeOption[];
};

export type TicketTypeOption = {
  id: string;
  name: string;
  description: string;
  priceCents: number;
  seatsAvailable: number;
  perOrderMax: number;
  onSale: boolean;
  salesStartAt: string | null;
  salesEndAt: string | null;
};

/** What the event page's booking panel offers this actor; null when the event has no seats at all (unknown). */
export async function getBookingOptions({ ctx, input }: { ctx: Ctx; input: z.input<typeof getBookingOptionsInput> }): Promise<BookingOptions | null> {
  const { eventId } = getBookingOptionsInput.parse(input);
  if (!isUuid(eventId)) return null;
  const [terms, availability] = await Promise.all([readOrderTerms(ctx.db, eventId), readAvailability(ctx.db, [eventId], ctx.now())]);
  if (!terms) return null;
  const inv = terms.inventory;
  const available = availability.get(eventId);
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
  const seatsAvailable = available?.seats ?? 0;
  const mySeats = holding[0]?.seats ?? 0;
  const now = ctx.now();
  const first = firstOnSaleType(terms, now);
  const bookable = inv.status === "published" && inv.endsAt > now && first !== undefined;
  return {
    state: !bookable ? "closed" : seatsAvailable === 0 ? "sold_out" : "open",
    seatsAvailable,
    perUserLimit: inv.perUserLimit,
    priceCents: first?.priceCents ?? terms.types[0]?.priceCents ?? 0,
    currency: inv.currency,
    mySeats,
    maxQuantity: Math.max(0, Math.min(MAX_SEATS_PER_REQUEST, inv.perUserLimit - mySeats)),
    myEntry: entry[0] ? toEntryView(entry[0].row, entry[0].position) : null,
    ticketTypes: terms.types
      .filter((t) => !t.hidden)
      .map((t) => ({
        id: t.id,
        name: t.name,
        description: t.description,
        priceCents: t.priceCents,
        seatsAvailable: available?.types.get(t.id) ?? 0,
        perOrderMax: t.perOrderMax,
        onSale: onSale(t, now),
        salesStartAt: t.salesStartAt?.toISOString() ?? null,
        salesEndAt: t.salesEndAt?.toISOString() ?? null,
      })),
  };
}
