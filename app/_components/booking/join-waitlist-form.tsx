"use client";

import { startTransition, useActionState, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { joinWaitlistAction } from "./actions";
import { QuantitySelect } from "./quantity-select";

/** Sold out: ask for seats and wait in line; they are booked automatically when they free up. */
export function JoinWaitlistForm({ eventId, maxQuantity, initialQuantity = 1 }: { eventId: string; maxQuantity: number; initialQuantity?: number }) {
  const [state, formAction, pending] = useActionState(joinWaitlistAction, null);
  const [quantity, setQuantity] = useState(Math.min(initialQuantity, maxQuantity));
  if (state?.ok) return <Alert tone="success">You are #{state.data.position} on the waitlist.</Alert>;
  const refused = state && !state.ok ? state : null;
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        // React resets a form after its action; submitting by hand keeps the chosen seats shown.
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => formAction(data));
      }}
      className="space-y-3"
    >
      <p className="text-sm text-slate-700">Join the waitlist: when enough seats free up, we book them for you and email your tickets.</p>
      <input type="hidden" name="eventId" value={eventId} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-28">
          <QuantitySelect max={maxQuantity} value={quantity} onChange={setQuantity} error={refused?.fieldErrors?.quantity} />
        </div>
        <Button type="submit" variant="secondary" disabled={pending} aria-disabled={pending}>
          {pending ? "Joining…" : "Join waitlist"}
        </Button>
      </div>
      {refused?.formError ? <Alert tone="error">{refused.formError}</Alert> : null}
    </form>
  );
}
