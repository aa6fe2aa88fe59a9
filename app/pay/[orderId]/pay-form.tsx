"use client";

import { useActionState, useCallback, useState } from "react";
import { useFormStatus } from "react-dom";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import { payWithTestCardAction } from "./actions";
import { Countdown } from "./countdown";

/** Card number in groups of four as it is typed, like every hosted checkout shows it. */
function groupDigits(value: string): string {
  return value
    .replace(/\D/g, "")
    .slice(0, 19)
    .replace(/(\d{4})(?=\d)/g, "$1 ");
}

function PayButton({ label, expired }: { label: string; expired: boolean }) {
  const { pending } = useFormStatus();
  return (
    <>
      <Button type="submit" className="w-full py-3 text-base" disabled={pending || expired} aria-disabled={pending || expired}>
        {pending ? "Processing…" : label}
      </Button>
      {pending ? (
        <p role="status" className="flex items-center justify-center gap-2 text-sm text-slate-600" data-testid="pay-processing">
          <span aria-hidden className="h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-brand-600" />
          Processing your payment. Please keep this page open.
        </p>
      ) : null}
    </>
  );
}

/**
 * The test provider's card form. Declined cards answer on this page with the reason and the
 * form ready for another try; success goes back to the order page. When the hold ends the
 * button stops taking payments.
 */
export function PayForm({ orderId, totalLabel, expiresAt, lastFailure }: { orderId: string; totalLabel: string; expiresAt: string | null; lastFailure: string | null }) {
  const [state, formAction] = useActionState(payWithTestCardAction, null);
  const [expired, setExpired] = useState(false);
  const [cardNumber, setCardNumber] = useState(state && !state.ok ? (state.values?.cardNumber ?? "") : "");
  const onExpire = useCallback(() => setExpired(true), []);
  const refused = state && !state.ok ? state : null;
  const declined = refused ? (refused.code === "CARD_DECLINED" ? refused.formError : null) : lastFailure;
  const values = refused?.values ?? {};

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="orderId" value={orderId} />
      {expiresAt ? (
        <p className={`rounded-md px-3 py-2 text-sm ${expired ? "bg-red-50 text-red-800" : "bg-amber-50 text-amber-900"}`}>
          {expired ? (
            "Your seats are no longer reserved: the time to pay has run out."
          ) : (
            <>
              Your seats are reserved for <Countdown expiresAt={expiresAt} onExpire={onExpire} />.
            </>
          )}
        </p>
      ) : null}
      {declined ? (
        <Alert tone="error">
          <span data-testid="pay-declined">{declined}</span> Check the details or use another card, then try again.
        </Alert>
      ) : null}
      {refused?.formError && refused.code !== "CARD_DECLINED" ? <Alert tone="error">{refused.formError}</Alert> : null}
      <TextField
        label="Card number"
        name="cardNumber"
        inputMode="numeric"
        autoComplete="cc-number"
        placeholder="1234 1234 1234 1234"
        value={cardNumber}
        onChange={(e) => setCardNumber(groupDigits(e.target.value))}
        error={refused?.fieldErrors?.cardNumber}
        required
      />
      <div className="grid grid-cols-2 gap-3">
        <TextField
          label="Expiry (MM/YY)"
          name="expiry"
          inputMode="numeric"
          autoComplete="cc-exp"
          placeholder="MM/YY"
          maxLength={7}
          defaultValue={values.expiry}
          error={refused?.fieldErrors?.expiry}
          required
        />
        <TextField
          label="CVC"
          name="cvc"
          inputMode="numeric"
          autoComplete="cc-csc"
          placeholder="123"
          maxLength={4}
          defaultValue={values.cvc}
          error={refused?.fieldErrors?.cvc}
          required
        />
      </div>
      <TextField label="Name on card" name="name" autoComplete="cc-name" defaultValue={values.name} error={refused?.fieldErrors?.name} required />
      <PayButton label={`Pay ${totalLabel}`} expired={expired} />
    </form>
  );
}
