import { NonRetriableError, RetryAfterError } from "inngest";
import { mailRetryDelayMs } from "./mail-retry-schedule";

/**
 * Runs the mail send of a job run's attempt number `attempt`. Whatever made it fail (the SMTP
 * server down, its circuit open, the database away) is thrown again as the SDK's RetryAfterError
 * timed by the mail schedule, which an Inngest server and the in-process runner both honour
 * (the `retry-after` of the answer). A Date, not a number: the SDK rounds a number up to whole
 * seconds. A retry sends nothing twice: every message has a dedupe key.
 */
export async function sendOrRetryLater<T>(attempt: number, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (error instanceof NonRetriableError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new RetryAfterError(`Mail not sent: ${reason}`, new Date(Date.now() + mailRetryDelayMs(attempt)), { cause: error });
  }
}
