import { sendDemoEmail } from "./send-demo-email";
import { sendVerificationEmail } from "./send-verification-email";
import { sendAccountExistsEmail } from "./send-account-exists-email";
import { applyBookingFacts } from "./apply-booking-facts";
import { applyWaitlistFacts } from "./apply-waitlist-facts";
import { applyEventFacts } from "./apply-event-facts";
import { refreshLeaderboards } from "./refresh-leaderboards";
import { invalidateEventCache } from "./invalidate-event-cache";
import { pruneJobHistory } from "./prune-job-history";

/** Every function the app serves and runs: one line per file in this folder. */
export const functions = [
  sendDemoEmail,
  sendVerificationEmail,
  sendAccountExistsEmail,
  applyBookingFacts,
  applyWaitlistFacts,
  applyEventFacts,
  refreshLeaderboards,
  invalidateEventCache,
  pruneJobHistory,
];
