const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * How long a mail run waits after each failed attempt (index 0: after the first). Quick at first,
 * for a blip, then at most two hours apart, so a message is at most that late once the mail
 * server is back; together they span more than a day before a run is dead: late, never lost.
 */
export const MAIL_RETRY_DELAYS_MS: readonly number[] = [
  10 * SECOND,
  30 * SECOND,
  1 * MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  30 * MINUTE,
  1 * HOUR,
  ...Array.from({ length: 12 }, () => 2 * HOUR),
];

/** One retry per delay: Inngest's maximum, which the SDK types as 0–20. */
export const MAIL_RETRIES = 20;

/** The wait before retrying a mail run whose attempt number `failedAttempt` (0-based) failed. */
export function mailRetryDelayMs(failedAttempt: number): number {
  return MAIL_RETRY_DELAYS_MS[Math.min(failedAttempt, MAIL_RETRY_DELAYS_MS.length - 1)]!;
}
