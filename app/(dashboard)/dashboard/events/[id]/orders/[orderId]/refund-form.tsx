"use client";

import { useActionState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import { refundOrderAction } from "./actions";

/** Refund in full (amount left empty) or in part, with the reason the buyer will read. */
export function RefundForm({ orderId, eventId, currency, leftLabel }: { orderId: string; eventId: string; currency: string; leftLabel: string }) {
  const [state, formAction, pending] = useActionState(refundOrderAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const values = state && !state.ok ? (state.values ?? {}) : {};
  return (
    <form action={formAction} className="space-y-4" data-testid="refund-form">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="currency" value={currency} />
      {state?.ok ? <Alert tone="success">Refund recorded. The buyer gets an email once the money is on its way.</Alert> : null}
      {state && !state.ok && state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      <TextField
        label={`Amount (${currency})`}
        name="amount"
        inputMode="decimal"
        defaultValue={values.amount ?? ""}
        error={errors.amount ?? errors.amountCents}
        hint={`Leave empty to refund everything left (${leftLabel}): that cancels the tickets and puts the seats back on sale. A smaller amount is a partial refund: the tickets stay valid.`}
      />
      <TextField label="Reason (the buyer reads it)" name="reason" required minLength={3} maxLength={500} defaultValue={values.reason ?? ""} error={errors.reason} />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? "Refunding…" : "Refund"}
      </Button>
    </form>
  );
}
