"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useState } from "react";
import { formatPrice } from "@/app/(public)/_components/event-format";
import { useAttemptKey } from "@/app/_components/booking/attempt-key";
import { JoinWaitlistForm } from "@/app/_components/booking/join-waitlist-form";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { checkPromoCodeAction, placeOrderAction } from "./actions";
import { PromoCodeField } from "./promo-code-field";
import { rowMax, selectionTotal, type PromoOffer, type TicketOption } from "./selection-total";
import { TicketRow } from "./ticket-row";

/**
 * One row per ticket type on sale, a promo code that may reveal hidden types, the running total,
 * and Continue, which places the order and moves to its page (tickets when free, checkout when
 * paid). The idempotency key is part of the form, so a double submit orders once; every answer
 * brings a new key (attempt-key.ts). `budget` is the most seats this visitor may order now (the
 * per-user cap left and the event's seats left); the waitlist is offered up to `waitlistMaxQuantity`.
 */
export function TicketSelector({
  eventId,
  idempotencyKey: firstKey,
  options: publicOptions,
  currency,
  budget,
  waitlistMaxQuantity,
}: {
  eventId: string;
  idempotencyKey: string;
  options: TicketOption[];
  currency: string;
  budget: number;
  waitlistMaxQuantity: number;
}) {
  const [state, formAction, pending] = useActionState(placeOrderAction, null);
  const [promoState, promoAction, checkingPromo] = useActionState(checkPromoCodeAction, null);
  const idempotencyKey = useAttemptKey(state, firstKey);
  const [quantities, setQuantities] = useState<Record<string, number>>(() => (publicOptions.length === 1 ? { [publicOptions[0]!.id]: 1 } : {}));
  const router = useRouter();
  const refusedNow = state !== null && !state.ok;
  // A refusal usually means seats moved: fetch the panel again so the menus offer what is left.
  useEffect(() => {
    if (refusedNow) router.refresh();
  }, [state, refusedNow, router]);

  const promo: PromoOffer | null = promoState?.ok ? promoState.data.offer : null;
  const unlocked = promoState?.ok ? promoState.data.unlocked.filter((u) => !publicOptions.some((o) => o.id === u.id)) : [];
  const options = [...publicOptions, ...unlocked];
  // After a refresh a type may have fewer seats than were chosen: count what its menu can show.
  const chosen = Object.fromEntries(options.map((o) => [o.id, Math.min(quantities[o.id] ?? 0, o.perOrderMax, o.seatsAvailable)]));
  const total = selectionTotal(options, chosen, promo);
  const refused = state && !state.ok ? state : null;

  return (
    <div className="space-y-4">
      <form
        action={formAction}
        onSubmit={(e) => {
          // React resets a form after its action: submitting by hand keeps the chosen quantities shown.
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          startTransition(() => formAction(data));
        }}
        className="space-y-4"
      >
        <input type="hidden" name="eventId" value={eventId} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        {promo ? <input type="hidden" name="promoCode" value={promo.code} /> : null}
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid="ticket-types">
          {options.map((option) => (
            <TicketRow
              key={option.id}
              option={option}
              currency={currency}
              unlocked={unlocked.includes(option)}
              max={rowMax(option, chosen, budget)}
              value={chosen[option.id] ?? 0}
              onChange={(n) => setQuantities((q) => ({ ...q, [option.id]: n }))}
            />
          ))}
        </ul>
        <PromoCodeField eventId={eventId} state={promoState} pending={checkingPromo} onCheck={(data) => startTransition(() => promoAction(data))} currency={currency} />
        <dl className="space-y-1 text-sm" data-testid="selection-total" aria-live="polite">
          {total.discountCents > 0 ? (
            <>
              <div className="flex justify-between text-slate-700">
                <dt>Subtotal</dt>
                <dd>{formatPrice(total.subtotalCents, currency)}</dd>
              </div>
              <div className="flex justify-between text-emerald-700">
                <dt>Discount ({promo?.code})</dt>
                <dd data-testid="selection-discount">−{formatPrice(total.discountCents, currency)}</dd>
              </div>
            </>
          ) : null}
          <div className="flex justify-between text-base font-semibold text-slate-900">
            <dt>Total</dt>
            <dd data-testid="selection-total-amount">{total.quantity === 0 ? "—" : formatPrice(total.totalCents, currency)}</dd>
          </div>
        </dl>
        {refused?.fieldErrors?.items ? <Alert tone="error">{refused.fieldErrors.items}</Alert> : null}
        <Button type="submit" className="w-full" disabled={pending || total.quantity === 0} aria-disabled={pending || total.quantity === 0}>
          {pending ? "Reserving your tickets…" : total.quantity === 0 ? "Choose your tickets" : `Continue · ${total.quantity} ${total.quantity === 1 ? "ticket" : "tickets"}`}
        </Button>
      </form>
      {refused?.formError ? <Alert tone={refused.code === "SOLD_OUT" ? "warning" : "error"}>{refused.formError}</Alert> : null}
      {refused?.code === "SOLD_OUT" ? (
        <JoinWaitlistForm eventId={eventId} maxQuantity={waitlistMaxQuantity} initialQuantity={Math.max(1, Math.min(total.quantity, waitlistMaxQuantity))} />
      ) : null}
    </div>
  );
}
