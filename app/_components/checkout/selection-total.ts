/** A ticket type as the event page offers it to this visitor. */
export type TicketOption = {
  id: string;
  name: string;
  description: string;
  priceCents: number;
  /** Seats of this type that may still be ordered (its own quota and the event's, lapsed holds not counted). */
  seatsAvailable: number;
  perOrderMax: number;
};

/** A promo code the buyer typed and the event accepted, as the selector needs it to price the selection. */
export type PromoOffer = {
  code: string;
  percentOff: number | null;
  amountOffCents: number | null;
  /** The types it applies to; null: every type of the event. */
  ticketTypeIds: string[] | null;
};

export type SelectionTotal = { quantity: number; subtotalCents: number; discountCents: number; totalCents: number };

/**
 * What the chosen quantities cost, priced as the order will be: the discount applies to the
 * lines the code is valid for (percent rounded to the cent, an amount never more than those lines).
 * The order page shows the engine's own figures; this keeps the button honest while choosing.
 */
export function selectionTotal(options: TicketOption[], quantities: Record<string, number>, promo: PromoOffer | null): SelectionTotal {
  let quantity = 0;
  let subtotalCents = 0;
  let eligibleCents = 0;
  for (const option of options) {
    const n = quantities[option.id] ?? 0;
    quantity += n;
    subtotalCents += n * option.priceCents;
    if (promo && (promo.ticketTypeIds === null || promo.ticketTypeIds.includes(option.id))) eligibleCents += n * option.priceCents;
  }
  const discountCents = !promo
    ? 0
    : promo.percentOff !== null
      ? Math.round((eligibleCents * promo.percentOff) / 100)
      : Math.min(promo.amountOffCents ?? 0, eligibleCents);
  return { quantity, subtotalCents, discountCents, totalCents: subtotalCents - discountCents };
}

/**
 * The most of one type the menu may offer now: its own limits, and what is left of the order's
 * seat budget (per-user cap, event room) after the other rows.
 */
export function rowMax(option: TicketOption, quantities: Record<string, number>, budget: number): number {
  const others = Object.entries(quantities).reduce((sum, [id, n]) => (id === option.id ? sum : sum + n), 0);
  return Math.max(0, Math.min(option.perOrderMax, option.seatsAvailable, budget - others));
}
