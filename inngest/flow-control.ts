import { env } from "@/lib/env";

/**
 * Account emails (verification code, password reset, account notices) run ahead of bulk mail
 * (confirmations, waitlist and event-change mails). Inngest's priority is a factor in seconds
 * that moves a run ahead of everything enqueued up to that long before it; +600, the largest,
 * puts an account email ahead of ten minutes of backlog. Bulk mail declares none (0): a negative
 * factor would delay it even when nothing else waits.
 */
export const accountMailPriority = { run: "600" };

/**
 * Each mail-sending function starts at most MAIL_SEND_RATE_PER_MINUTE runs a minute, evenly
 * spaced (Inngest's throttle: runs over the rate wait, none is dropped). A throttle is per
 * function, as on Inngest.
 */
export const mailThrottle = { limit: env.MAIL_SEND_RATE_PER_MINUTE, period: "1m" } as const;

/** Analytics facts are applied many at a time, one statement per batch. */
export const analyticsBatch = { maxSize: 100, timeout: "1s" } as const;
