"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { cancelOrderAction } from "./actions";

/** Two steps (Cancel → Confirm): the seats go back on sale at once, possibly to someone on the waitlist. */
export function CancelOrderButton({ orderId, paid }: { orderId: string; paid: boolean }) {
  const [state, formAction, pending] = useActionState(cancelOrderAction, null);
  const [confirming, setConfirming] = useState(false);
  if (state?.ok) return <Alert tone="success">{paid ? "Order cancelled. Your money is on its way back." : "Order cancelled. The seats were released."}</Alert>;
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
