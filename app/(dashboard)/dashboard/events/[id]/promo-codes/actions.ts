"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createPromoCode, createPromoCodeBody } from "@/lib/domain/bookings";
import { Validation, type FieldError } from "@/lib/domain/errors";
import { isTimeZone, zonedLocalToInstant } from "@/lib/format/time-zone";
import { action } from "@/lib/web/action";
import { parsePriceInput, priceExample } from "../../_components/price-input";

const text = z.string().default("");

/**
 * Every field arrives as text; each ticket type the code is limited to is a checkbox named
 * `type-<id>`. The field is `promo`, not `code`: the action wrapper never echoes a field called
 * code back (it may be a one-time code), and this one should survive a refused submit.
 */
const promoForm = z
  .object({
    eventId: z.string(),
    currency: text,
    timezone: text,
    promo: text,
    kind: z.enum(["percent", "amount"]).default("percent"),
    amount: text,
    maxUses: text,
    validFrom: text,
    validUntil: text,
  })
  .catchall(z.string());

/** Where the domain's field names appear on this form. */
const FORM_FIELD: Record<string, string> = { code: "promo", percentOff: "amount", amountOffCents: "amount", ticketTypeIds: "ticketTypes" };

export const createPromoCodeAction = action(promoForm, async ({ input, ctx }) => {
  const errors: FieldError[] = [];
  const zone = isTimeZone(input.timezone) ? input.timezone : "UTC";
  const instant = (field: "validFrom" | "validUntil") => {
    const local = input[field].trim();
    if (local === "") return undefined;
    const at = zonedLocalToInstant(local, zone);
    if (at) return at.toISOString();
    errors.push({ path: field, message: "Pick a date and time, or leave it empty." });
  };
  const amount = input.amount.trim();
  let discount: { percentOff?: number; amountOffCents?: number } = {};
  if (input.kind === "percent") {
    if (/^\d+$/.test(amount)) discount = { percentOff: Number(amount) };
    else errors.push({ path: "amount", message: "Enter a whole percentage, like 20." });
  } else {
    const cents = parsePriceInput(amount, input.currency);
    if (cents === undefined) errors.push({ path: "amount", message: `Enter an amount like ${priceExample(input.currency)}.` });
    else discount = { amountOffCents: cents };
  }
  const maxUses = input.maxUses.trim();
  if (maxUses !== "" && !/^\d+$/.test(maxUses)) errors.push({ path: "maxUses", message: "Enter a whole number, or leave it empty for no limit." });
  const ticketTypeIds = Object.keys(input)
    .filter((key) => key.startsWith("type-") && input[key] === "on")
    .map((key) => key.slice("type-".length));
  const fields = {
    code: input.promo.trim(),
    ...discount,
    maxUses: maxUses === "" ? undefined : Number(maxUses),
    validFrom: instant("validFrom"),
    validUntil: instant("validUntil"),
    ticketTypeIds: ticketTypeIds.length > 0 ? ticketTypeIds : undefined,
  };
  const checked = createPromoCodeBody.safeParse(fields);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const path = FORM_FIELD[String(issue.path[0])] ?? issue.path.map(String).join(".");
      if (!errors.some((e) => e.path === path)) errors.push({ path, message: issue.message });
    }
  }
  if (errors.length > 0) throw new Validation("VALIDATION_FAILED", "Please fix the highlighted fields.", errors);
  const created = await createPromoCode({ ctx, input: { ...fields, eventId: input.eventId } });
  revalidatePath(`/dashboard/events/${input.eventId}/promo-codes`);
  return { code: created.code };
});
