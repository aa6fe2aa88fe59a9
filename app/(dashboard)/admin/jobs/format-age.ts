/** "42 s", "7 min", "3 h", "2 d": how long ago `since` was, coarse enough to read at a glance. */
export function formatAge(since: Date, now: Date): string {
  const seconds = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 1000));
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86_400)} d`;
}

/** A due time relative to now: "in 5 min", or "now" once it has passed. */
export function formatDue(at: Date, now: Date): string {
  return at.getTime() <= now.getTime() ? "now" : `in ${formatAge(now, at)}`;
}
