"use client";

import { useActionState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { createPromoCodeAction } from "./actions";

type Props = { eventId: string; currency: string; timezone: string; ticketTypes: { id: string; name: string; hidden: boolean }[] };

/** Creates a promo code; a code already used by this event (in any case) is reported on its field. */
export function PromoCodeForm({ eventId, currency, timezone, ticketTypes }: Props) {
  const [state, formAction, pending] = useActionState(createPromoCodeAction, null);
  const failed = state && !state.ok ? state : undefined;
  const errors = { ...(failed?.fieldErrors ?? {}) };
  // The one refusal that is about a field but arrives without one.
  const formError = failed?.code === "PROMO_CODE_EXISTS" ? undefined : failed?.formError;
  if (failed?.code === "PROMO_CODE_EXISTS") errors.promo = failed.formError ?? "This event already has that code.";
  const value = (name: string, fallback = "") => failed?.values?.[name] ?? fallback;

  return (
    <form action={formAction} className="space-y-4" noValidate>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {Object.keys(errors).length > 0 ? <Alert tone="error">Please fix the highlighted fields.</Alert> : null}
      {state?.ok ? (
        <p role="status" className="text-sm text-green-700">
          Created {state.data.code}.
        </p>
      ) : null}
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="currency" value={currency} />
      <input type="hidden" name="timezone" value={timezone} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Code"
          name="promo"
          required
          autoCapitalize="characters"
          spellCheck={false}
          defaultValue={value("promo")}
          error={errors.promo}
          hint="Letters, digits, - and _. Buyers can type it in upper or lower case."
        />
        <SelectField label="Discount type" name="kind" defaultValue={value("kind", "percent")}>
          <option value="percent">Percent off</option>
          <option value="amount">Amount off ({currency})</option>
        </SelectField>
        <TextField label="Discount" name="amount" inputMode="decimal" required defaultValue={value("amount")} error={errors.amount} hint="For example 20 (percent) or 5.00 (amount)." />
        <TextField label="Uses allowed (optional)" name="maxUses" type="number" inputMode="numeric" min={1} defaultValue={value("maxUses")} error={errors.maxUses} hint="Empty: no limit." />
        <TextField label="Valid from (optional)" name="validFrom" type="datetime-local" defaultValue={value("validFrom")} error={errors.validFrom} hint={`In ${timezone} time.`} />
        <TextField label="Valid until (optional)" name="validUntil" type="datetime-local" defaultValue={value("validUntil")} error={errors.validUntil} />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Only for these ticket types (optional)</legend>
        <p className="text-xs text-slate-500">None ticked: every ticket type. A secret ticket type ticked here can be bought with this code.</p>
        <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
          {ticketTypes.map((type) => (
            <div key={type.id} className="flex items-center gap-2">
              <input type="checkbox" id={`type-${type.id}`} name={`type-${type.id}`} defaultChecked={value(`type-${type.id}`) === "on"} className="h-4 w-4 rounded border-slate-300" />
              <label htmlFor={`type-${type.id}`} className="text-sm text-slate-700">
                {type.name}
                {type.hidden ? " (secret)" : ""}
              </label>
            </div>
          ))}
        </div>
        {errors.ticketTypes ? (
          <p role="alert" className="mt-1 text-xs text-red-600">
            {errors.ticketTypes}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create promo code"}
      </Button>
    </form>
  );
}
