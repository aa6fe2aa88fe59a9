"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { Validation, type FieldError } from "@/lib/domain/errors";
import { cancelEvent, createEvent, createEventBody, publishEvent, updateEvent } from "@/lib/domain/events";
import { isTimeZone, zonedLocalToInstant } from "@/lib/format/time-zone";
import { action } from "@/lib/web/action";
import { parsePriceInput, priceExample } from "./_components/price-input";

const text = z.string().default("");

/** Every field arrives as text; nothing fails here, so all problems are reported together below. */
const eventForm = z.object({
  title: text,
  description: text,
  venue: text,
  category: text,
  startsAt: text,
  endsAt: text,
  timezone: text,
  capacity: text,
  price: text,
  currency: text,
  perUserLimit: text,
  holdMinutes: text,
  refundHoursBeforeStart: text,
  onlineUrl: text,
  nameChangeDeadline: text,
  /** A checkbox: "on" when ticked, absent otherwise. */
  transfersAllowed: text,
});

type EventForm = z.output<typeof eventForm>;

/** The form asks for a price in major units; the domain checks priceCents. */
const FORM_FIELD: Record<string, string> = { priceCents: "price" };

/**
 * Turns form text into the use case's input and checks it against the domain's own rules, so
 * every field error (conversion or business rule) comes back at once, under the form's names.
 */
function toEventInput(form: EventForm, endAfter?: Date) {
  const errors: FieldError[] = [];
  const timezone = form.timezone.trim();
  // Times are typed as wall-clock times in the event's zone; an unknown zone is reported on its own field.
  const zone = isTimeZone(timezone) ? timezone : "UTC";
  const utc = (field: "startsAt" | "endsAt" | "nameChangeDeadline") => {
    const at = zonedLocalToInstant(form[field].trim(), zone);
    if (at) return at.toISOString();
    errors.push({ path: field, message: "Pick a date and time." });
  };
  const whole = (field: "capacity" | "perUserLimit" | "holdMinutes" | "refundHoursBeforeStart") => {
    if (/^-?\d+$/.test(form[field].trim())) return Number(form[field].trim());
    errors.push({ path: field, message: "Enter a whole number." });
  };
  const currency = form.currency.trim().toUpperCase();
  const cents = parsePriceInput(form.price.trim(), currency);
  if (cents === undefined) errors.push({ path: "price", message: `Enter an amount like ${priceExample(currency)}.` });
  const input = {
    title: form.title,
    description: form.description,
    venue: form.venue,
    category: form.category,
    startsAt: utc("startsAt"),
    endsAt: utc("endsAt"),
    timezone,
    capacity: whole("capacity"),
    perUserLimit: whole("perUserLimit"),
    // Left empty (or a form from before the field existed): the default hold.
    holdMinutes: form.holdMinutes.trim() === "" ? undefined : whole("holdMinutes"),
    // Empty: buyers cannot cancel a paid order themselves (the organizer still refunds by hand).
    refundHoursBeforeStart: form.refundHoursBeforeStart.trim() === "" ? null : whole("refundHoursBeforeStart"),
    priceCents: cents,
    currency,
    // Empty means in person; on an edit that also removes a link set before.
    onlineUrl: form.onlineUrl.trim() || null,
    // Empty: names can change until the event starts.
    nameChangeDeadline: form.nameChangeDeadline.trim() === "" ? null : utc("nameChangeDeadline"),
    transfersAllowed: form.transfersAllowed === "on",
  };
  const checked = createEventBody.safeParse(input);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const path = FORM_FIELD[String(issue.path[0])] ?? issue.path.map(String).join(".");
      if (!errors.some((e) => e.path === path)) errors.push({ path, message: issue.message });
    }
  }
  // A new event that has already ended could never be published.
  if (endAfter && input.endsAt && new Date(input.endsAt) <= endAfter && !errors.some((e) => e.path === "endsAt")) {
    errors.push({ path: "endsAt", message: "Pick an end time in the future." });
  }
  if (errors.length > 0) throw new Validation("VALIDATION_FAILED", "Please fix the highlighted fields.", errors);
  return checked.data!;
}

export const createEventAction = action(eventForm, async ({ input, ctx }) => {
  const event = await createEvent({ ctx, input: toEventInput(input, ctx.now()) });
  revalidatePath("/dashboard/events");
  redirect(`/dashboard/events?created=${event.id}`);
});

const editForm = eventForm.extend({ id: z.string(), version: z.string() });

export const updateEventAction = action(editForm, async ({ input: { id, version, ...form }, ctx }) => {
  const event = await updateEvent({ ctx, input: { ...toEventInput(form), id, version: Number(version) } });
  revalidatePath("/dashboard/events");
  revalidatePath(`/events/${event.id}`);
  redirect(`/dashboard/events?updated=${event.id}`);
});

const eventRef = z.object({ id: z.string() });

export const publishEventAction = action(eventRef, async ({ input, ctx }) => {
  const event = await publishEvent({ ctx, input });
  revalidatePath("/dashboard/events");
  return { status: event.status };
});

/** The page asks why: the reason goes into every cancellation email. */
const cancelWithReason = eventRef.extend({ reason: z.string().trim().min(3, "Tell attendees why, in a few words.").max(1000, "Keep it under 1000 characters.") });

export const cancelEventAction = action(cancelWithReason, async ({ input, ctx }) => {
  const event = await cancelEvent({ ctx, input });
  revalidatePath("/dashboard/events");
  redirect(`/dashboard/events?cancelled=${event.id}`);
});
