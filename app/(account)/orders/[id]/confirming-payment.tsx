"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** How often the page asks again while the provider's confirmation is on its way (usually a second or two). */
const REFRESH_MS = 1_500;

/**
 * Shown after the buyer paid and before the provider's notification confirmed the order: the
 * page re-renders on the server until the order's state changes, then this is no longer shown.
 */
export function ConfirmingPayment() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [router]);
  return (
    <p className="flex items-center gap-3 rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900" role="status" data-testid="confirming-payment">
      <span className="h-4 w-4 animate-spin rounded-full border-2 border-sky-300 border-t-sky-700" aria-hidden="true" />
      Confirming your payment…
    </p>
  );
}
