"use client";

import { useActionState } from "react";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import { applyPromoCodeAction } from "../actions";

/** A promo code for an order already placed: the server re-prices it and the summary above follows. */
export function ApplyPromoForm({ orderId }: { orderId: string }) {
  const [state, formAction, pending] = useActionState(applyPromoCodeAction, null);
  const refusal = state && !state.ok ? (state.fieldErrors?.promoCode ?? state.formError) : undefined;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="orderId" value={orderId} />
      <div className="min-w-0 flex-1">
        <TextField label="Promo code" name="promoCode" autoComplete="off" autoCapitalize="characters" error={refusal} hint={state?.ok ? "Code applied." : undefined} />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Applying…" : "Apply"}
      </Button>
    </form>
  );
}
