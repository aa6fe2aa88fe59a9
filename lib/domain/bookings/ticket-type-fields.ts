import { z } from "zod";
import { boundedInstant } from "@/lib/domain/instants";

/**
 * The rules a ticket type's fields obey, shared by create, update and an event created with its
 * types. Price is bounded like the event's, so price × the per-order maximum fits a 32-bit total.
 */
export const ticketTypeFields = {
  name: z.string().trim().min(1, "must not be empty").max(80, "must be at most 80 characters"),
  description: z.string().trim().max(1000, "must be at most 1000 characters"),
  priceCents: z.number().int("must be a whole number of minor units (cents)").min(0, "must not be negative").max(100_000_000, "must be at most 100000000"),
  capacity: z
    .number()
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(1_000_000, "must be at most 1000000")
    .nullable()
    .describe("null: shares the event's capacity only"),
  salesStartAt: boundedInstant().nullable().describe("null: on sale from publication"),
  salesEndAt: boundedInstant().nullable().describe("null: on sale until the event ends"),
  perOrderMax: z.number().int("must be a whole number").min(1, "must be at least 1").max(10, "must be at most 10"),
  hidden: z.boolean().describe("Sold only with a promo code that unlocks it"),
};

export const SALES_END_AFTER_START = "must be after the start of sales";

export function salesWindowIsOrdered(t: { salesStartAt?: string | Date | null; salesEndAt?: string | Date | null }): boolean {
  if (t.salesStartAt == null || t.salesEndAt == null) return true;
  return new Date(t.salesEndAt).getTime() > new Date(t.salesStartAt).getTime();
}

export const salesWindowCheck = { path: ["salesEndAt"], message: SALES_END_AFTER_START };

/** A new type: a name and a price at least; the rest has the defaults pretix and Hi.Events use. */
export const newTicketTypeShape = {
  name: ticketTypeFields.name,
  description: ticketTypeFields.description.default(""),
  priceCents: ticketTypeFields.priceCents,
  capacity: ticketTypeFields.capacity.default(null),
  salesStartAt: ticketTypeFields.salesStartAt.default(null),
  salesEndAt: ticketTypeFields.salesEndAt.default(null),
  perOrderMax: ticketTypeFields.perOrderMax.default(10),
  hidden: ticketTypeFields.hidden.default(false),
};

export const newTicketTypeFields = z.object(newTicketTypeShape).refine(salesWindowIsOrdered, salesWindowCheck);

export type NewTicketType = z.output<typeof newTicketTypeFields>;
