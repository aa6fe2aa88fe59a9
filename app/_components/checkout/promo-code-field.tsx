"use client";

import { useState } from "react";
import { formatPrice } from "@/app/(public)/_components/event-format";
import { Button } from "@/app/_components/ui/button";
import type { ActionState } from "@/lib/web/action";
import type { PromoCheck } from "./actions";

/** What a code takes off, in the buyer's words: "15% off" or "€10.00 off", and on which tickets. */
export function discountWords(offer: PromoCheck["offer"], currency: string, typeNames: string[]): string {
  const off = offer.percentOff !== null ? `${offer.percentOff}% off` : `${formatPrice(offer.amountOffCents ?? 0, currency)} off`;
  return offer.ticketTypeIds === null || typeNames.length === 0 ? `${off} your order` : `${off} ${typeNames.join(", ")}`;
}

/**
 * "Have a promo code?": checked on its own so the selector can show the discount and any hidden
 * types the code unlocks before the order is placed; the order itself checks the code again.
 */
export function PromoCodeField({
  eventId,
  state,
  pending,
  onCheck,
  currency,
}: {
  eventId: string;
  state: ActionState<PromoCheck> | null;
  pending: boolean;
  onCheck: (data: FormData) => void;
  currency: string;
}) {
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState("");
  const check = () => {
    const data = new FormData();
    data.set("eventId", eventId);
    data.set("promoCode", code);
    onCheck(data);
  };
  const refusal = state && !state.ok ? (state.fieldErrors?.promoCode ?? state.formError) : undefined;
  if (!open && !state) {
    return (
      <button type="button" className="text-sm font-medium text-brand-700 underline" onClick={() => setOpen(true)} aria-expanded={false}>
        Have a promo code?
      </button>
    );
  }
  return (
    <div className="space-y-2">
      <label htmlFor="promo-code" className="block text-sm font-medium text-slate-700">
        Promo code
      </label>
      <div className="flex gap-2">
        <input
          id="promo-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          onKeyDown={(e) => {
            // Enter here checks the code; it must not place the order around it.
            if (e.key === "Enter") {
              e.preventDefault();
              check();
            }
          }}
          autoComplete="off"
          autoCapitalize="characters"
          aria-invalid={refusal ? true : undefined}
          aria-describedby={refusal ? "promo-code-error" : state?.ok ? "promo-code-applied" : undefined}
          className="block w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm uppercase shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 aria-[invalid=true]:border-red-500"
        />
        <Button type="button" variant="secondary" onClick={check} disabled={pending || code.trim() === ""}>
          {pending ? "Checking…" : "Apply"}
        </Button>
      </div>
      {refusal ? (
        <p id="promo-code-error" role="alert" className="text-xs text-red-600">
          {refusal}
        </p>
      ) : null}
      {state?.ok ? (
        <p id="promo-code-applied" role="status" className="text-xs text-emerald-700" data-testid="promo-applied">
          Code {state.data.offer.code}: {discountWords(state.data.offer, currency, state.data.typeNames)}
          {state.data.unlocked.length > 0 ? ` · unlocks ${state.data.unlocked.map((u) => u.name).join(", ")}` : ""}.
        </p>
      ) : null}
    </div>
  );
}
