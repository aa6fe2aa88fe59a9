import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { Conflict, Validation } from "@/lib/domain/errors";
import { MAX_SEATS_PER_REQUEST } from "./get-booking-options";
import { onSale, type OrderTerms } from "./order-terms";
import type { OrderLineView } from "./order-view";
import { promoCodes, type PromoCodeRow } from "./schema";

export type OrderItem = { ticketTypeId: string; quantity: number };
export type PricedOrder = { lines: OrderLineView[]; subtotalCents: number; discountCents: number; promo: AppliedPromo | null };
export type AppliedPromo = { id: string; typed: string; percentOff: number | null; amountOffCents: number | null };

export const promoCodeInvalid = () => new Validation("PROMO_CODE_INVALID", "This promo code is not valid for this order.", [{ path: "promoCode", message: "unknown, expired, used up, or not for these tickets" }]);
export const ticketTypeUnavailable = () => new Conflict("TICKET_TYPE_UNAVAILABLE", "Some of these tickets are not on sale right now.");

/** The event's code as typed, matched case-insensitively; null when there is none. */
export async function findPromoCode(db: DbOrTx, eventId: string, typed: string): Promise<PromoCodeRow | null> {
  const [row] = await db
    .select()
    .from(promoCodes)
    .where(and(eq(promoCodes.eventId, eventId), eq(sql`lower(${promoCodes.code})`, typed.trim().toLowerCase())));
  return row ?? null;
}

/**
 * Prices an order against the terms read: every item names a live type of the event, on sale
 * now, visible (or unlocked by the code) and within its per-order maximum; the code (if any) is
 * in its validity window and applies to at least one ordered type. The discount
 * applies to the lines the code covers and never exceeds them. Whether a use is left is not
 * looked at here: the order statement's check decides the last use exactly, after lapsed holds
 * gave theirs back.
 */
export function priceOrder(terms: OrderTerms, items: OrderItem[], code: { row: PromoCodeRow | null; typed: string } | null, at: Date): PricedOrder {
  const seats = items.reduce((n, i) => n + i.quantity, 0);
  if (seats > MAX_SEATS_PER_REQUEST) {
    throw new Validation("VALIDATION_FAILED", `One order holds at most ${MAX_SEATS_PER_REQUEST} tickets.`, [{ path: "items", message: `at most ${MAX_SEATS_PER_REQUEST} tickets in all` }]);
  }
  if (new Set(items.map((i) => i.ticketTypeId)).size !== items.length) {
    throw new Validation("VALIDATION_FAILED", "Name each ticket type once.", [{ path: "items", message: "each ticketTypeId at most once" }]);
  }
  const promo = code && usablePromo(code.row, at);
  if (code && !promo) throw promoCodeInvalid();
  const covers = (typeId: string) => !!promo && (!promo.ticketTypeIds || promo.ticketTypeIds.includes(typeId));
  const lines = items.map((item, n) => {
    const type = terms.types.find((t) => t.id === item.ticketTypeId);
    if (!type || !onSale(type, at) || (type.hidden && !covers(type.id))) throw ticketTypeUnavailable();
    if (item.quantity > type.perOrderMax) {
      throw new Validation("PER_ORDER_MAX", `At most ${type.perOrderMax} ${type.name} tickets per order.`, [{ path: `items.${n}.quantity`, message: `at most ${type.perOrderMax}` }]);
    }
    return { ticketTypeId: type.id, name: type.name, quantity: item.quantity, unitPriceCents: type.priceCents };
  });
  const subtotalCents = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);
  if (!promo) return { lines, subtotalCents, discountCents: 0, promo: null };
  return { lines, subtotalCents, discountCents: discountFor(promo, lines), promo: { id: promo.id, typed: code!.typed.trim(), percentOff: promo.percentOff, amountOffCents: promo.amountOffCents } };
}

/**
 * What a code takes off these lines: its percentage (rounded to the cent) or its amount, of the
 * lines it covers only, never more than they cost. A code that covers none of them is refused.
 */
export function discountFor(promo: Pick<PromoCodeRow, "ticketTypeIds" | "percentOff" | "amountOffCents">, lines: OrderLineView[]): number {
  const covered = lines.filter((l) => !promo.ticketTypeIds || promo.ticketTypeIds.includes(l.ticketTypeId));
  if (covered.length === 0) throw promoCodeInvalid();
  const coveredCents = covered.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);
  return promo.percentOff !== null ? Math.round((coveredCents * promo.percentOff) / 100) : Math.min(coveredCents, promo.amountOffCents ?? 0);
}

/** The code if it may be used at `at` (its validity window); whether a use is left is the order statement's to decide. */
export function usablePromo(row: PromoCodeRow | null, at: Date): PromoCodeRow | null {
  if (!row) return null;
  if ((row.validFrom && row.validFrom > at) || (row.validUntil && row.validUntil <= at)) return null;
  return row;
}
