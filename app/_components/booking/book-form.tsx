"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useState } from "react";
import { formatPrice } from "@/app/(public)/_components/event-format";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { bookSeatsAction } from "./actions";
import { useAttemptKey } from "./attempt-key";
import { JoinWaitlistForm } from "./join-waitlist-form";
import { QuantitySelect } from "./quantity-select";

/**
 * Quantity picker and Book button. The idempotency key is part of the form, so a double submit
 * books once (the button is also disabled while the booking is in flight); every answer brings
 * a new key, so the next submission is a new request.
 *
 * `maxQuantity` is what may be booked now (the seats left included); the waitlist is offered up
 * to `waitlistMaxQuantity`. The form is submitted by hand when JavaScript runs, because React
 * resets a form after its action: the menu fell back to 1 while the button kept the old total.
 */
export function BookForm({
  eventId,
  idempotencyKey: firstKey,
  maxQuantity,
  waitlistMaxQuantity,
  priceCents,
  currency,
}: {
  eventId: string;
  idempotencyKey: string;
  maxQuantity: number;
  waitlistMaxQuantity: number;
  priceCents: number;
  currency: string;
}) {
  const [state, formAction, pending] = useActionState(bookSeatsAction, null);
  const idempotencyKey = useAttemptKey(state, firstKey);
  const [chosen, setQuantity] = useState(1);
  const quantity = Math.min(chosen, maxQuantity);
  const router = useRouter();
  const refusedNow = state !== null && !state.ok;
  // A refusal usually means the seats moved: fetch the panel again so the menu offers what is left.
  useEffect(() => {
    if (refusedNow) router.refresh();
  }, [state, refusedNow, router]);

  if (state?.ok) {
    return (
      <Alert tone="success">
        <span data-testid="booking-confirmed">
          Booked {state.data.quantity} {state.data.quantity === 1 ? "seat" : "seats"}.{" "}
        </span>
        <Link href={`/bookings/${state.data.bookingId}`} className="font-medium underline">
          View your tickets
        </Link>
      </Alert>
    );
  }
  const refused = state && !state.ok ? state : null;
  return (
    <div className="space-y-4">
      <form
        action={formAction}
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          startTransition(() => formAction(data));
        }}
        className="flex flex-wrap items-end gap-3"
      >
        <input type="hidden" name="eventId" value={eventId} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <div className="w-28">
          <QuantitySelect max={maxQuantity} value={quantity} onChange={setQuantity} error={refused?.fieldErrors?.quantity} />
        </div>
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? "Booking…" : `Book · ${formatPrice(priceCents * quantity, currency)}`}
        </Button>
      </form>
      {refused?.formError ? <Alert tone={refused.code === "SOLD_OUT" ? "warning" : "error"}>{refused.formError}</Alert> : null}
      {refused?.code === "SOLD_OUT" ? <JoinWaitlistForm eventId={eventId} maxQuantity={waitlistMaxQuantity} initialQuantity={quantity} /> : null}
    </div>
  );
}
