"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { cancelBookingAction } from "@/app/_components/booking/actions";

/** Two steps (Cancel → Confirm), since a cancelled seat may go straight to someone on the waitlist. */
export function CancelBookingButton({ bookingId }: { bookingId: string }) {
  const [state, formAction, pending] = useActionState(cancelBookingAction, null);
  const [confirming, setConfirming] = useState(false);
  if (state?.ok) return <Alert tone="success">Booking cancelled.</Alert>;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="bookingId" value={bookingId} />
      {confirming ? (
        <>
          <Button type="submit" variant="danger" disabled={pending}>
            {pending ? "Cancelling…" : "Yes, cancel booking"}
          </Button>
          <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
            Keep it
          </Button>
        </>
      ) : (
        <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
          Cancel booking
        </Button>
      )}
      {state && !state.ok && state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
    </form>
  );
}
