"use client";

import { useActionState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { TextAreaField, TextField } from "@/app/_components/ui/field";
import { createTicketTypeAction, updateTicketTypeAction } from "./actions";

export type TicketTypeFormValues = Record<"name" | "description" | "price" | "capacity" | "perOrderMax" | "salesStartAt" | "salesEndAt", string> & { hidden: boolean };

type Props = {
  eventId: string;
  currency: string;
  timezone: string;
  initial: TicketTypeFormValues;
  /** Present when editing that type. */
  ticketTypeId?: string;
};

/** Adds a ticket type, or edits one; field ids carry the type's id so several forms fit one page. */
export function TicketTypeForm({ eventId, currency, timezone, initial, ticketTypeId }: Props) {
  const [state, formAction, pending] = useActionState(ticketTypeId ? updateTicketTypeAction : createTicketTypeAction, null);
  const failed = state && !state.ok ? state : undefined;
  const errors = failed?.fieldErrors ?? {};
  const value = (name: Exclude<keyof TicketTypeFormValues, "hidden">) => failed?.values?.[name] ?? initial[name];
  const hidden = failed?.values ? failed.values.hidden === "on" : initial.hidden;
  const prefix = ticketTypeId ?? "new";
  // Ids must be unique on the page; names stay what the action reads.
  const field = (name: string) => ({ id: `${prefix}-${name}`, name });

  return (
    <form action={formAction} className="space-y-4" noValidate>
      {failed?.formError ? <Alert tone="error">{failed.formError}</Alert> : null}
      {Object.keys(errors).length > 0 ? <Alert tone="error">Please fix the highlighted fields.</Alert> : null}
      {state?.ok ? (
        <p role="status" className="text-sm text-green-700">
          {ticketTypeId ? "Saved." : `Added “${state.data.name}”.`}
        </p>
      ) : null}
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="currency" value={currency} />
      <input type="hidden" name="timezone" value={timezone} />
      {ticketTypeId ? <input type="hidden" name="ticketTypeId" value={ticketTypeId} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" {...field("name")} required defaultValue={value("name")} error={errors.name} hint="For example Early bird, VIP or Student." />
        <TextField label={`Price (${currency})`} {...field("price")} inputMode="decimal" required defaultValue={value("price")} error={errors.price} hint="0 for free tickets." />
        <TextField
          label="How many (optional)"
          {...field("capacity")}
          type="number"
          inputMode="numeric"
          min={1}
          defaultValue={value("capacity")}
          error={errors.capacity}
          hint="Leave empty to share all the event's seats. The event's capacity always limits the total."
        />
        <TextField
          label="Most per order"
          {...field("perOrderMax")}
          type="number"
          inputMode="numeric"
          min={1}
          max={10}
          required
          defaultValue={value("perOrderMax")}
          error={errors.perOrderMax}
        />
        <TextField label="Sales start (optional)" {...field("salesStartAt")} type="datetime-local" defaultValue={value("salesStartAt")} error={errors.salesStartAt} hint={`In ${timezone} time.`} />
        <TextField label="Sales end (optional)" {...field("salesEndAt")} type="datetime-local" defaultValue={value("salesEndAt")} error={errors.salesEndAt} hint="Empty: until the event ends." />
      </div>
      <TextAreaField label="Description (optional)" {...field("description")} rows={2} maxLength={1000} defaultValue={value("description")} error={errors.description} />
      <div className="flex items-start gap-2">
        <input type="checkbox" id={`${prefix}-hidden`} name="hidden" defaultChecked={hidden} className="mt-1 h-4 w-4 rounded border-slate-300" />
        <label htmlFor={`${prefix}-hidden`} className="text-sm text-slate-700">
          Secret: only buyers with a promo code for it can see and buy it
        </label>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : ticketTypeId ? "Save ticket type" : "Add ticket type"}
      </Button>
    </form>
  );
}
