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

/** The same instant in the visitor's own zone; rendered only in the browser, which knows that zone. */
export function LocalTime({ iso, prefix = "Your time: " }: { iso: string; prefix?: string }) {
  const local = useSyncExternalStore(
    subscribe,
    () => LOCAL_FORMAT.format(new Date(iso)),
    () => null,
  );
  if (!local) return null;
  return (
    <span className="block text-xs text-slate-500">
      {prefix}
      {local}
    </span>
  );
}
