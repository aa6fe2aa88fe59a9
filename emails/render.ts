import { createElement, type ReactElement } from "react";
import { render, toPlainText } from "@react-email/render";
import AccountExists, { type AccountExistsProps } from "./account-exists";
import BookingCancelled, { type BookingCancelledProps } from "./booking-cancelled";
import BookingConfirmed, { type BookingConfirmedProps } from "./booking-confirmed";
import EventCancelled, { type EventCancelledProps } from "./event-cancelled";
import EventChanged, { type EventChangedProps } from "./event-changed";
import PasswordReset, { type PasswordResetProps } from "./password-reset";
import JobsDemo, { type JobsDemoProps } from "./jobs-demo";
import OrderAwaitingPayment, { type OrderAwaitingPaymentProps } from "./order-awaiting-payment";
import OrderConfirmed, { type OrderConfirmedProps } from "./order-confirmed";
import OrderExpired, { type OrderExpiredProps } from "./order-expired";
import OrganizationInvitation, { type OrganizationInvitationProps } from "./organization-invitation";
import VerificationCode, { type VerificationCodeProps } from "./verification-code";
import WaitlistJoined, { type WaitlistJoinedProps } from "./waitlist-joined";
import WaitlistPromoted, { type WaitlistPromotedProps } from "./waitlist-promoted";
import EventReminder, { type EventReminderProps } from "./event-reminder";
import TicketTransferred, { type TicketTransferredProps } from "./ticket-transferred";
import AttendeeMessage, { type AttendeeMessageProps } from "./attendee-message";
import OrderRefunded, { type OrderRefundedProps } from "./order-refunded";
import { formatMoney } from "./format";
import WebhookEndpointDisabled, { type WebhookEndpointDisabledProps } from "./webhook-endpoint-disabled";

type Template<P> = {
  Component: ((props: P) => ReactElement) & { PreviewProps: P };
  subject: (props: P) => string;
};

function template<P>(t: Template<P>): Template<P> {
  return t;
}

const templates = {
  "verification-code": template<VerificationCodeProps>({
    Component: VerificationCode,
    subject: (p) => `${p.code} is your Evently verification code`,
  }),
  "password-reset": template<PasswordResetProps>({
    Component: PasswordReset,
    subject: (p) => `${p.code} is your Evently password reset code`,
  }),
  "account-exists": template<AccountExistsProps>({
    Component: AccountExists,
    subject: () => "Someone tried to create an Evently account with your email",
  }),
  "booking-confirmed": template<BookingConfirmedProps>({
    Component: BookingConfirmed,
    subject: (p) => `Booking confirmed: ${p.event.title}`,
  }),
  "order-confirmed": template<OrderConfirmedProps>({
    Component: OrderConfirmed,
    subject: (p) => (p.totalCents === 0 ? `Order confirmed: ${p.event.title}` : `Your tickets: ${p.event.title}`),
  }),
  "order-awaiting-payment": template<OrderAwaitingPaymentProps>({
    Component: OrderAwaitingPayment,
    subject: (p) => (p.offer ? `Seats freed up for ${p.event.title}: pay to keep them` : `Complete your payment: ${p.event.title}`),
  }),
  "order-expired": template<OrderExpiredProps>({
    Component: OrderExpired,
    subject: (p) => `Your hold expired: ${p.event.title}`,
  }),
  "order-refunded": template<OrderRefundedProps>({
    Component: OrderRefunded,
    subject: (p) => `${formatMoney(p.amountCents, p.currency)} refunded: ${p.event.title}`,
  }),
  "booking-cancelled": template<BookingCancelledProps>({
    Component: BookingCancelled,
    subject: (p) => `Booking cancelled: ${p.event.title}`,
  }),
  "waitlist-joined": template<WaitlistJoinedProps>({
    Component: WaitlistJoined,
    subject: (p) => `You're #${p.position} on the waitlist for ${p.event.title}`,
  }),
  "waitlist-promoted": template<WaitlistPromotedProps>({
    Component: WaitlistPromoted,
    subject: (p) => `You're off the waitlist: tickets for ${p.event.title}`,
  }),
  "event-changed": template<EventChangedProps>({
    Component: EventChanged,
    subject: (p) => `Event update: ${p.event.title}`,
  }),
  "event-cancelled": template<EventCancelledProps>({
    Component: EventCancelled,
    subject: (p) => `Event cancelled: ${p.event.title}`,
  }),
  "event-reminder": template<EventReminderProps>({
    Component: EventReminder,
    subject: (p) => `Reminder: ${p.event.title} starts ${p.lead === "24h" ? "tomorrow" : "in 2 hours"}`,
  }),
  "ticket-transferred": template<TicketTransferredProps>({
    Component: TicketTransferred,
    subject: (p) => `${p.fromName} sent you a ticket: ${p.event.title}`,
  }),
  "attendee-message": template<AttendeeMessageProps>({
    Component: AttendeeMessage,
    subject: (p) => `${p.subject} (${p.eventTitle})`,
  }),
  "webhook-endpoint-disabled": template<WebhookEndpointDisabledProps>({
    Component: WebhookEndpointDisabled,
    subject: () => "A webhook was switched off after three days of failures",
  }),
  "organization-invitation": template<OrganizationInvitationProps>({
    Component: OrganizationInvitation,
    subject: (p) => `${p.inviterName} invited you to ${p.organizationName} on Evently`,
  }),
  "jobs-demo": template<JobsDemoProps>({
    Component: JobsDemo,
    subject: () => "Your test message from Evently",
  }),
};

export type EmailTemplateName = keyof typeof templates;

type PropsOf<T> = T extends Template<infer P> ? P : never;

/** What a job asks to send: a template name and exactly that template's props (JSON-serialisable). */
export type EmailMessage = {
  [K in EmailTemplateName]: { template: K; props: PropsOf<(typeof templates)[K]> };
}[EmailTemplateName];

export type RenderedEmail = { subject: string; html: string; text: string };

export const emailTemplateNames = Object.keys(templates) as EmailTemplateName[];

export function isEmailTemplateName(name: string): name is EmailTemplateName {
  return Object.hasOwn(templates, name);
}

export async function renderEmail(message: EmailMessage): Promise<RenderedEmail> {
  // TypeScript cannot correlate `template` with `props` through the lookup; EmailMessage guarantees it.
  const { Component, subject } = templates[message.template] as Template<EmailMessage["props"]>;
  const html = await render(createElement(Component, message.props));
  // The text part is converted from that same HTML, as render's plainText option would do after a
  // second full React render: one render per message.
  const text = toPlainText(html);
  // Titles are user input: a line break in a header would end the header.
  return { subject: subject(message.props).replace(/\s+/g, " ").trim(), html, text };
}

/** A template rendered with its own PreviewProps, for the developer preview route. */
export function previewEmail(name: EmailTemplateName): Promise<RenderedEmail> {
  const { Component } = templates[name] as Template<EmailMessage["props"]>;
  return renderEmail({ template: name, props: Component.PreviewProps } as EmailMessage);
}
