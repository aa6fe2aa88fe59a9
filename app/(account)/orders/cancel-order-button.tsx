"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { cancelOrderAction } from "./actions";

/**
 * Two steps (Cancel → Confirm): the seats go back on sale at once, possibly to someone on the
 * waitlist. What became of the order (cancelled, refunded, or refund requested until the provider
 * confirms it) is the page's to say: the action revalidates it, and the re-rendered page no longer
 * holds this button once the order changed, so a message kept here would vanish with it.
 */
export function CancelOrderButton({ orderId, paid }: { orderId: string; paid: boolean }) {
  const [state, formAction, pending] = useActionState(cancelOrderAction, null);
  const [confirming, setConfirming] = useState(false);
  if (state?.ok) return null;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="orderId" value={orderId} />
      {confirming ? (
        <>
          <Button type="submit" variant="danger" disabled={pending}>
            {pending ? "Cancelling…" : paid ? "Yes, cancel and refund" : "Yes, cancel order"}
          </Button>
          <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
            Keep it
          </Button>
        </>
      ) : (
        <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
          Cancel order
        </Button>
      )}
      {state && !state.ok && state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
    </form>
  );
}
