import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { Conflict, Validation } from "@/lib/domain/errors";
import { boundedInstant } from "@/lib/domain/instants";
import { loadEventToManage, refuseIfCancelled } from "./event-to-manage";
import { violates } from "./pg-error";
import { toPromoCodeView, type PromoCodeView } from "./promo-code-view";
import { promoCodes, ticketTypes } from "./schema";

const promoCodeShape = {
  code: z
    .string()
    .trim()
    .min(3, "must be at least 3 characters")
    .max(40, "must be at most 40 characters")
    .regex(/^[A-Za-z0-9_-]+$/, "may contain only letters, digits, - and _"),
  percentOff: z.number().int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").optional(),
  amountOffCents: z.number().int("must be a whole number of minor units (cents)").min(1, "must be at least 1").max(100_000_000, "must be at most 100000000").optional(),
  maxUses: z.number().int("must be a whole number").min(1, "must be at least 1").max(1_000_000, "must be at most 1000000").optional().describe("Omitted: unlimited"),
  validFrom: boundedInstant().optional(),
  validUntil: boundedInstant().optional(),
  ticketTypeIds: z.array(z.uuid()).min(1).max(100).optional().describe("Omitted: every type of the event. Hidden types named here are unlocked by the code"),
};

type PromoShape = { percentOff?: number; amountOffCents?: number; validFrom?: string; validUntil?: string };
const oneDiscount = (p: PromoShape) => (p.percentOff === undefined) !== (p.amountOffCents === undefined);
const oneDiscountCheck = { path: ["percentOff"], message: "give either percentOff or amountOffCents, not both" };
const validWindow = (p: PromoShape) => !p.validFrom || !p.validUntil || new Date(p.validUntil) > new Date(p.validFrom);
const validWindowCheck = { path: ["validUntil"], message: "must be after validFrom" };

export const createPromoCodeBody = z.object(promoCodeShape).refine(oneDiscount, oneDiscountCheck).refine(validWindow, validWindowCheck);
export const createPromoCodeInput = z.object({ eventId: z.string(), ...promoCodeShape }).refine(oneDiscount, oneDiscountCheck).refine(validWindow, validWindowCheck);

const codeExists = (code: string) => new Conflict("PROMO_CODE_EXISTS", `This event already has the code ${code} (codes ignore upper and lower case).`);

/**
 * Creates a discount code for the event (owner, admin). Codes are unique per event whatever
 * their case: the unique index on lower(code) decides, so two racing creations of "SUMMER" and
 * "summer" leave exactly one.
 */
export async function createPromoCode({ ctx, input }: { ctx: Ctx; input: z.input<typeof createPromoCodeInput> }): Promise<PromoCodeView> {
  const { eventId, validFrom, validUntil, ticketTypeIds, ...fields } = createPromoCodeInput.parse(input);
  try {
    const row = await withTransaction(ctx, async (tx) => {
      const inv = await loadEventToManage(tx, ctx.actor, eventId, { lock: true });
      refuseIfCancelled(inv);
      if (ticketTypeIds) {
        const found = await tx
          .select({ id: ticketTypes.id })
          .from(ticketTypes)
          .where(and(eq(ticketTypes.eventId, inv.eventId), inArray(ticketTypes.id, ticketTypeIds)));
        if (found.length !== new Set(ticketTypeIds).size) {
          throw new Validation("VALIDATION_FAILED", "Pick ticket types of this event.", [{ path: "ticketTypeIds", message: "must name ticket types of this event" }]);
        }
      }
      const [taken] = await tx
        .select({ id: promoCodes.id })
        .from(promoCodes)
        .where(and(eq(promoCodes.eventId, inv.eventId), sql`lower(${promoCodes.code}) = lower(${fields.code})`));
      if (taken) throw codeExists(fields.code);
      const [created] = await tx
        .insert(promoCodes)
        .values({
          ...fields,
          eventId: inv.eventId,
          validFrom: validFrom ? new Date(validFrom) : null,
          validUntil: validUntil ? new Date(validUntil) : null,
          ticketTypeIds: ticketTypeIds ? [...new Set(ticketTypeIds)] : null,
          createdAt: ctx.now(),
        })
        .returning();
      return created!;
    });
    ctx.log.info({ eventId, promoCodeId: row.id }, "promo_code.created");
    return toPromoCodeView(row);
  } catch (error) {
    if (violates(error, "promo_codes_event_id_code_unique")) throw codeExists(fields.code);
    throw error;
  }
}
