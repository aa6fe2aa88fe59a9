"use client";

import { useEffect, useState } from "react";

function remaining(expiresAt: string): number {
  return Math.max(0, Math.ceil((new Date(expiresAt).getTime() - Date.now()) / 1000));
}

/** Minutes and seconds until the hold ends; calls `onExpire` once when it does. */
export function Countdown({ expiresAt, onExpire }: { expiresAt: string; onExpire?: () => void }) {
  const [seconds, setSeconds] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => {
      const left = remaining(expiresAt);
      setSeconds(left);
      if (left === 0) onExpire?.();
      return left;
    };
    if (tick() === 0) return;
    const timer = setInterval(() => {
      if (tick() === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [expiresAt, onExpire]);

  // Rendered on the server without a clock of the browser's: the first paint says nothing wrong.
  if (seconds === null) return <span className="tabular-nums">…</span>;
  const m = Math.floor(seconds / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return (
    <span className="tabular-nums" data-testid="pay-countdown">
      {m}:{s}
    </span>
  );
}
