const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * How long a delivery waits after each failed attempt (index 0: after the first): quick for a
 * blip, then hours apart, together more than a day (about 28 hours) before a delivery is dead.
 * The same idea as the mail schedule (lib/notifications/mail-retry-schedule.ts), with the wider
 * gaps receivers' providers recommend, so a receiver that is down for a deploy is not hammered.
 */
export const WEBHOOK_RETRY_DELAYS_MS: readonly number[] = [
  5 * SECOND,
  30 * SECOND,
  2 * MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  1 * HOUR,
  2 * HOUR,
  3 * HOUR,
  4 * HOUR,
  5 * HOUR,
  6 * HOUR,
  6 * HOUR,
];

/** One retry per delay (a literal: the SDK types retries as 0–20; the schedule's test ties the two). */
export const WEBHOOK_RETRIES = 13;

/** The wait before retrying after attempt number `failedAttempt` (0-based) failed. */
export function webhookRetryDelayMs(failedAttempt: number): number {
  return WEBHOOK_RETRY_DELAYS_MS[Math.min(failedAttempt, WEBHOOK_RETRY_DELAYS_MS.length - 1)]!;
}
