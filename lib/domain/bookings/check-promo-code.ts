import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { isUuid } from "@/lib/domain/ids";
import { findPromoCode, promoCodeInvalid, usablePromo } from "./price-order";
import { readTicketTypes } from "./read-ticket-types";
import { eventInventory, ticketTypes } from "./schema";
import type { TicketTypeView } from "./ticket-type-view";

export const checkPromoCodeInput = z.object({ eventId: z.string(), promoCode: z.string().trim().min(1).max(64) });

export type PromoCodeCheck = {
  /** The code as the organizer wrote it. */
  code: string;
  percentOff: number | null;
  amountOffCents: number | null;
  /** Null: every type of the event. */
  ticketTypeIds: string[] | null;
  /** The types on sale that it takes money off, in page order. */
  covers: TicketTypeView[];
  /** Hidden types on sale now that the code lets the buyer order. */
  unlocked: TicketTypeView[];
};

function onSale(type: TicketTypeView, at: Date): boolean {
  return (!type.salesStartAt || new Date(type.salesStartAt) <= at) && (!type.salesEndAt || at < new Date(type.salesEndAt));
}

/**
 * What a code typed on the event page would do, before any order exists: its discount, the types
 * it covers and the hidden ones it unlocks. Refused as PROMO_CODE_INVALID (the order's own word)
 * when unknown, outside its validity window, used up, or for a published event that is not this
 * one. A use may still be taken by someone else before the order: the order statement decides.
 */
export async function checkPromoCode({ ctx, input }: { ctx: Ctx; input: z.input<typeof checkPromoCodeInput> }): Promise<PromoCodeCheck> {
  const { eventId, promoCode } = checkPromoCodeInput.parse(input);
  if (!isUuid(eventId)) throw promoCodeInvalid();
  const [inv] = await ctx.db.select({ status: eventInventory.status }).from(eventInventory).where(eq(eventInventory.eventId, eventId));
  const now = ctx.now();
  const row = inv?.status === "published" ? usablePromo(await findPromoCode(ctx.db, eventId, promoCode), now) : null;
  if (!row || (row.maxUses !== null && row.uses >= row.maxUses)) throw promoCodeInvalid();
  const scope = row.ticketTypeIds ? inArray(ticketTypes.id, row.ticketTypeIds) : undefined;
  const types = (await readTicketTypes(ctx.db, and(eq(ticketTypes.eventId, eventId), isNull(ticketTypes.retiredAt), scope), now)).filter((t) => onSale(t, now));
  if (types.length === 0) throw promoCodeInvalid();
  return {
    code: row.code,
    percentOff: row.percentOff,
    amountOffCents: row.amountOffCents,
    ticketTypeIds: row.ticketTypeIds,
    covers: types,
    unlocked: row.ticketTypeIds ? types.filter((t) => t.hidden) : [],
  };
}
