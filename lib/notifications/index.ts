// Notifications: composes and sends every email. It sits above the domains and reads them only
// through their index.ts; the job functions in inngest/functions call it.
export { sendOrderConfirmedEmail, orderConfirmedEmailInput } from "./order-confirmed";
export { sendOrderAwaitingPaymentEmail, orderAwaitingPaymentEmailInput } from "./order-awaiting-payment";
export { sendOrderExpiredEmail, orderExpiredEmailInput } from "./order-expired";
export { sendOrderRefundedEmail, orderRefundedEmailInput } from "./order-refunded";
export { sendBookingCancelledEmail, bookingCancelledEmailInput } from "./booking-cancelled";
export { sendWaitlistJoinedEmail, waitlistJoinedEmailInput } from "./waitlist-joined";
export { sendWaitlistPromotedEmail, waitlistPromotedEmailInput } from "./waitlist-promoted";
export { sendEventChangedEmails, eventChangedEmailsInput, notableChanges } from "./event-changed";
export { sendVerificationCodeEmail } from "./verification-code";
export { sendPasswordResetEmail } from "./password-reset";
export { sendEmailChangeCodeEmail } from "./email-change-code";
export { sendAccountExistsEmail, accountExistsMessage } from "./account-exists";
export { sendJobsDemoEmail } from "./jobs-demo";
export { sendWebhookDisabledEmail } from "./webhook-endpoint-disabled";
export { sendOrganizationInvitationEmail } from "./organization-invitation";
export { sendEventReminders, eventRemindersInput, reminderDueAt, REMINDER_LEADS, type ReminderLead } from "./event-reminders";
export { sendTicketTransferredEmail, ticketTransferredEmailInput } from "./ticket-transferred";
export { sendAttendeeMessageBatch, attendeeMessageBatchInput } from "./attendee-message";
export { MAIL_RETRIES } from "./mail-retry-schedule";
export { sendOrRetryLater } from "./send-or-retry-later";
export type { Notified } from "./outcome";
