"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

// dateStyle/timeStyle cannot be combined with timeZoneName, hence the separate fields.
const LOCAL_FORMAT = new Intl.DateTimeFormat(undefined, {
  weekday: "short",
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
});

/** The wall clock alone, to compare the visitor's zone with the event's at this instant. */
const wallClock = (at: Date, timeZone?: string) =>
  new Intl.DateTimeFormat("en", { dateStyle: "short", timeStyle: "short", hourCycle: "h23", timeZone }).format(at);

/**
 * The same instant in the visitor's own zone, beside the event's local time, and only when the
 * two clocks read differently. Rendered only in the browser, which knows that zone.
 */
export function LocalTime({ iso, timeZone, prefix = "Your time: " }: { iso: string; timeZone: string; prefix?: string }) {
  const local = useSyncExternalStore(
    subscribe,
    () => {
      const at = new Date(iso);
      return wallClock(at) === wallClock(at, timeZone) ? null : LOCAL_FORMAT.format(at);
    },
    () => null,
  );
  if (!local) return null;
  return (
    <span className="block text-xs text-slate-500" data-testid="viewer-time">
      {prefix}
      {local}
    </span>
  );
}
