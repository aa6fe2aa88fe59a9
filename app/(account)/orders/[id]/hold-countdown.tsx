"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

function remaining(expiresAt: string): number {
  return Math.max(0, new Date(expiresAt).getTime() - Date.now());
}

function clock(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** How often the page asks again once the hold has ended, until the server shows it ended (clocks may differ by a moment). */
const ENDED_REFRESH_MS = 2_000;

/**
 * Time left to pay, ticking every second. At zero the page is fetched again: the server then
 * shows the hold as ended (its seats count as free from that instant, swept or not), and this
 * countdown is gone. Screen readers hear the minutes, not every second.
 */
export function HoldCountdown({ expiresAt }: { expiresAt: string }) {
  const [left, setLeft] = useState(() => remaining(expiresAt));
  const router = useRouter();
  useEffect(() => {
    let endedAt: number | null = null;
    const timer = setInterval(() => {
      const next = remaining(expiresAt);
      setLeft(next);
      if (next > 0) return;
      if (endedAt === null || Date.now() - endedAt >= ENDED_REFRESH_MS) {
        endedAt = Date.now();
        router.refresh();
      }
    }, 1_000);
    return () => clearInterval(timer);
  }, [expiresAt, router]);

  if (left === 0) {
    return (
      <p className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" role="status" data-testid="hold-ended">
        Your hold ended and the seats were released.
      </p>
    );
  }
  const minutes = Math.ceil(left / 60_000);
  return (
    <div className="rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900">
      <p>
        {/* The server and the browser render a second apart: the clock text may differ at hydration. */}
        We hold your seats for{" "}
        <span className="font-mono text-base font-semibold tabular-nums" data-testid="hold-countdown" aria-hidden="true" suppressHydrationWarning>
          {clock(left)}
        </span>
        <span className="sr-only" aria-live="polite" suppressHydrationWarning>
          {minutes} {minutes === 1 ? "minute" : "minutes"}
        </span>
        . Pay before then, or they go back on sale.
      </p>
    </div>
  );
}
