"use server";

import { revalidatePath } from "next/cache";
import { z, type ZodType } from "zod";
import { createTicketType, createTicketTypeBody, deleteTicketType, reorderTicketTypes, retireTicketType, updateTicketType, updateTicketTypeBody } from "@/lib/domain/bookings";
import { Validation, type FieldError } from "@/lib/domain/errors";
import { isTimeZone, zonedLocalToInstant } from "@/lib/format/time-zone";
import { action } from "@/lib/web/action";
import { parsePriceInput, priceExample } from "../../_components/price-input";

const text = z.string().default("");

/** Every field arrives as text; the event's currency and zone say how to read the price and times. */
const typeForm = z.object({
  eventId: z.string(),
  currency: text,
  timezone: text,
  name: text,
  description: text,
  price: text,
  capacity: text,
  perOrderMax: text,
  salesStartAt: text,
  salesEndAt: text,
  hidden: text,
});

type TypeForm = z.output<typeof typeForm>;

/** The form asks for a price in major units; the domain checks priceCents. */
const FORM_FIELD: Record<string, string> = { priceCents: "price" };

/**
 * Form text to the use case's fields, checked against the domain's own rules so every field
 * error (conversion or business rule) comes back at once under the form's names.
 */
function toTypeFields(form: TypeForm, schema: ZodType) {
  const errors: FieldError[] = [];
  const zone = isTimeZone(form.timezone) ? form.timezone : "UTC";
  const instant = (field: "salesStartAt" | "salesEndAt") => {
    const local = form[field].trim();
    if (local === "") return null;
    const at = zonedLocalToInstant(local, zone);
    if (at) return at.toISOString();
    errors.push({ path: field, message: "Pick a date and time, or leave it empty." });
  };
  const whole = (field: "capacity" | "perOrderMax", empty: number | null) => {
    const value = form[field].trim();
    if (value === "") return empty;
    if (/^-?\d+$/.test(value)) return Number(value);
    errors.push({ path: field, message: "Enter a whole number." });
  };
  const priceCents = parsePriceInput(form.price.trim(), form.currency);
  if (priceCents === undefined) errors.push({ path: "price", message: `Enter an amount like ${priceExample(form.currency)}.` });
  const fields = {
    name: form.name,
    description: form.description,
    priceCents,
    capacity: whole("capacity", null),
    perOrderMax: whole("perOrderMax", 10),
    salesStartAt: instant("salesStartAt"),
    salesEndAt: instant("salesEndAt"),
    hidden: form.hidden === "on",
  };
  const checked = schema.safeParse(fields);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const path = FORM_FIELD[String(issue.path[0])] ?? issue.path.map(String).join(".");
      if (!errors.some((e) => e.path === path)) errors.push({ path, message: issue.message });
    }
  }
  if (errors.length > 0) throw new Validation("VALIDATION_FAILED", "Please fix the highlighted fields.", errors);
  return fields as typeof fields & { priceCents: number; perOrderMax: number };
}

function refreshTicketPages(eventId: string) {
  revalidatePath(`/dashboard/events/${eventId}/tickets`);
  revalidatePath(`/events/${eventId}`);
}

export const createTicketTypeAction = action(typeForm, async ({ input, ctx }) => {
  const created = await createTicketType({ ctx, input: { ...toTypeFields(input, createTicketTypeBody), eventId: input.eventId } });
  refreshTicketPages(input.eventId);
  return { id: created.id, name: created.name };
});

export const updateTicketTypeAction = action(typeForm.extend({ ticketTypeId: z.string() }), async ({ input, ctx }) => {
  const updated = await updateTicketType({ ctx, input: { ...toTypeFields(input, updateTicketTypeBody), eventId: input.eventId, ticketTypeId: input.ticketTypeId } });
  refreshTicketPages(input.eventId);
  return { id: updated.id, name: updated.name };
});

const typeRef = z.object({ eventId: z.string(), ticketTypeId: z.string() });

export const retireTicketTypeAction = action(typeRef.extend({ retired: z.enum(["true", "false"]) }), async ({ input, ctx }) => {
  await retireTicketType({ ctx, input: { eventId: input.eventId, ticketTypeId: input.ticketTypeId, retired: input.retired === "true" } });
  refreshTicketPages(input.eventId);
  return { retired: input.retired === "true" };
});

export const deleteTicketTypeAction = action(typeRef, async ({ input, ctx }) => {
  await deleteTicketType({ ctx, input });
  refreshTicketPages(input.eventId);
  return { deleted: input.ticketTypeId };
});

/** `order` is every type's id in the new order, comma-separated: the page computes it per button. */
export const reorderTicketTypesAction = action(z.object({ eventId: z.string(), order: z.string() }), async ({ input, ctx }) => {
  await reorderTicketTypes({ ctx, input: { eventId: input.eventId, ticketTypeIds: input.order.split(",").filter(Boolean) } });
  refreshTicketPages(input.eventId);
  return { reordered: true };
});
