import type { SendEmailResult } from "@/lib/mail/send-email";

/**
 * What a notification did: sent (or found already sent), or skipped because there is nobody or
 * nothing left to tell about (a user, booking or event that no longer exists).
 */
export type Notified = SendEmailResult | { status: "skipped"; reason: string };

export const skipped = (reason: string): Notified => ({ status: "skipped", reason });
