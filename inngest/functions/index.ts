import { sendDemoEmail } from "./send-demo-email";
import { sendVerificationEmail } from "./send-verification-email";
import { sendAccountExistsEmail } from "./send-account-exists-email";
import { issueRequestedVerificationCode } from "./issue-requested-verification-code";
import { issuePasswordResetCode } from "./issue-password-reset-code";
import { sendPasswordResetEmail } from "./send-password-reset-email";
import { sendEmailChangeCodeEmail } from "./send-email-change-code-email";
import { applyBookingFacts } from "./apply-booking-facts";
import { applyWaitlistFacts } from "./apply-waitlist-facts";
import { applyEventFacts } from "./apply-event-facts";
import { refreshLeaderboards } from "./refresh-leaderboards";
import { reconcileAnalytics } from "./reconcile-analytics";
import { reconcilePayments } from "./reconcile-payments";
import { invalidateEventCache } from "./invalidate-event-cache";
import { pruneJobHistory } from "./prune-job-history";
import { applyRetention } from "./apply-retention";
import { promoteWaitlistOnRelease } from "./promote-waitlist";
import { expireLapsedOrders, expireOrderWhenHoldLapses } from "./expire-lapsed-orders";
import { cancelEventBookingsOnCancel } from "./cancel-event-bookings";
import { sendOrderConfirmedEmailOnConfirm } from "./send-order-confirmed-email";
import { sendOrderAwaitingPaymentEmailOnPlace } from "./send-order-awaiting-payment-email";
import { sendOrderExpiredEmailOnExpire } from "./send-order-expired-email";
import { sendBookingCancelledEmailOnCancel } from "./send-booking-cancelled-email";
import { sendWaitlistJoinedEmailOnJoin } from "./send-waitlist-joined-email";
import { sendWaitlistPromotedEmailOnPromote } from "./send-waitlist-promoted-email";
import { sendEventChangedEmailsOnUpdate } from "./send-event-changed-emails";
import { fanOutWebhookFacts } from "./fan-out-webhook-facts";
import { deliverWebhook } from "./deliver-webhook";
import { sendWebhookDisabledEmail } from "./send-webhook-disabled-email";
import { deliverTestPaymentNotification } from "./deliver-test-payment-notification";
import { refundPayment } from "./refund-payment";
import { sendOrganizationInvitationEmail } from "./send-organization-invitation-email";
import { sendEventRemindersOnSchedule } from "./send-event-reminders";
import { sendTicketTransferredEmailOnTransfer } from "./send-ticket-transferred-email";
import { sendAttendeeMessage } from "./send-attendee-message";
import { sendOrderRefundedEmailOnRefund } from "./send-order-refunded-email";

/** Every function the app serves and runs: one line per file in this folder. */
export const functions = [
  sendDemoEmail,
  sendVerificationEmail,
  sendAccountExistsEmail,
  issueRequestedVerificationCode,
  issuePasswordResetCode,
  sendPasswordResetEmail,
  sendEmailChangeCodeEmail,
  applyBookingFacts,
  applyWaitlistFacts,
  applyEventFacts,
  refreshLeaderboards,
  reconcileAnalytics,
  reconcilePayments,
  invalidateEventCache,
  pruneJobHistory,
  applyRetention,
  promoteWaitlistOnRelease,
  expireOrderWhenHoldLapses,
  expireLapsedOrders,
  cancelEventBookingsOnCancel,
  sendOrderConfirmedEmailOnConfirm,
  sendOrderAwaitingPaymentEmailOnPlace,
  sendOrderExpiredEmailOnExpire,
  sendBookingCancelledEmailOnCancel,
  sendWaitlistJoinedEmailOnJoin,
  sendWaitlistPromotedEmailOnPromote,
  sendEventChangedEmailsOnUpdate,
  ...fanOutWebhookFacts,
  deliverWebhook,
  sendWebhookDisabledEmail,
  deliverTestPaymentNotification,
  refundPayment,
  sendOrganizationInvitationEmail,
  sendEventRemindersOnSchedule,
  sendTicketTransferredEmailOnTransfer,
  sendAttendeeMessage,
  sendOrderRefundedEmailOnRefund,
];
