import type { PromoCodeRow } from "./schema";

/** API.md's promo code (`{ id, code, uses, ... }`) as the organizer sees it. */
export type PromoCodeView = {
  id: string;
  eventId: string;
  code: string;
  percentOff: number | null;
  amountOffCents: number | null;
  maxUses: number | null;
  uses: number;
  validFrom: string | null;
  validUntil: string | null;
  ticketTypeIds: string[] | null;
  createdAt: string;
};

export function toPromoCodeView(row: PromoCodeRow): PromoCodeView {
  return {
    id: row.id,
    eventId: row.eventId,
    code: row.code,
    percentOff: row.percentOff,
    amountOffCents: row.amountOffCents,
    maxUses: row.maxUses,
    uses: row.uses,
    validFrom: row.validFrom?.toISOString() ?? null,
    validUntil: row.validUntil?.toISOString() ?? null,
    ticketTypeIds: row.ticketTypeIds,
    createdAt: row.createdAt.toISOString(),
  };
}
