"use client";

import Link from "next/link";
import { useActionState, useEffect, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { leaveWaitlistAction } from "./actions";

export type LiveEntry = { id: string; eventId: string; quantity: number; position: number | null; status: string; bookingId: string | null };

/** How often a waiting page asks for its positions; hidden tabs do not ask at all. */
const POLL_MS = 4_000;

/**
 * Keeps waitlist entries current without a reload by polling a small JSON route (the user's
 * own entries with positions, one indexed query). Polling rather than SSE: positions move only
 * on promotions and priority edits, a few seconds of delay is fine, and a plain GET survives
 * proxies, reconnects and server restarts without holding a request open per waiting user.
 */
export function useLiveEntries(initial: LiveEntry[]): LiveEntry[] {
  const [entries, setEntries] = useState(initial);
  useEffect(() => {
    let stopped = false;
    async function refresh() {
      if (document.visibilityState !== "visible") return;
      try {
        const res = await fetch("/waitlist/positions", { cache: "no-store" });
        if (!res.ok || stopped) return;
        const { data } = (await res.json()) as { data: LiveEntry[] };
        setEntries((current) => current.map((e) => data.find((d) => d.id === e.id) ?? e));
      } catch {
        // offline for a moment: the next tick tries again
      }
    }
    const timer = setInterval(refresh, POLL_MS);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, []);
  return entries;
}

export function EntryStatus({ entry }: { entry: LiveEntry }) {
  if (entry.status === "booked" && entry.bookingId) {
    // For a free event the seats are booked; for a paid one they are held for payment until a
    // deadline: the order page shows which (tickets, or the pay step with its countdown).
    return (
      <Alert tone="success">
        <span data-testid="waitlist-booked">Seats freed up and your {entry.quantity === 1 ? "seat was" : `${entry.quantity} seats were`} set aside for you. </span>
        <Link href={`/orders/${entry.bookingId}`} className="font-medium underline">
          See your order
        </Link>
      </Alert>
    );
  }
  if (entry.status === "waiting") {
    return (
      <p className="text-sm text-slate-800" data-testid="waitlist-position" aria-live="polite">
        You are <strong>#{entry.position}</strong> in line for {entry.quantity} {entry.quantity === 1 ? "seat" : "seats"}.
      </p>
    );
  }
  return <p className="text-sm text-slate-600">{entry.status === "closed" ? "The waitlist was closed (the event was cancelled)." : "You left the waitlist."}</p>;
}

export function LeaveWaitlistButton({ entryId, eventId, label = "Leave waitlist" }: { entryId: string; eventId: string; label?: string }) {
  const [state, formAction, pending] = useActionState(leaveWaitlistAction, null);
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="entryId" value={entryId} />
      <input type="hidden" name="eventId" value={eventId} />
      <Button type="submit" variant="ghost" disabled={pending}>
        {pending ? "Working…" : label}
      </Button>
      {state && !state.ok && state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
    </form>
  );
}

/** The event page's view of the visitor's own place in line. */
export function LivePosition({ entry }: { entry: LiveEntry }) {
  const [live] = useLiveEntries([entry]);
  return (
    <div className="space-y-2">
      <EntryStatus entry={live!} />
      {live!.status === "waiting" ? <LeaveWaitlistButton entryId={live!.id} eventId={live!.eventId} /> : null}
    </div>
  );
}
