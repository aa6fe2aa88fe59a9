import { describe, expect, it } from "vitest";
import { functions } from "@/inngest/functions";
import { MAIL_RETRIES, MAIL_RETRY_DELAYS_MS, mailRetryDelayMs } from "./mail-retry-schedule";

const HOUR = 3_600_000;

describe("the mail retry schedule", () => {
  it("spans at least 24 hours before a run is dead", () => {
    const total = MAIL_RETRY_DELAYS_MS.reduce((sum, ms) => sum + ms, 0);
    expect(total).toBeGreaterThanOrEqual(24 * HOUR);
  });

  it("has one delay per retry, within what Inngest accepts (at most 20)", () => {
    expect(MAIL_RETRY_DELAYS_MS).toHaveLength(MAIL_RETRIES);
    expect(MAIL_RETRIES).toBeLessThanOrEqual(20);
  });

  it("starts within seconds, never waits less than before, and never more than two hours", () => {
    expect(mailRetryDelayMs(0)).toBe(10_000);
    for (let attempt = 1; attempt < MAIL_RETRIES; attempt++) {
      expect(mailRetryDelayMs(attempt)).toBeGreaterThanOrEqual(mailRetryDelayMs(attempt - 1));
      expect(mailRetryDelayMs(attempt)).toBeLessThanOrEqual(2 * HOUR);
    }
    expect(mailRetryDelayMs(MAIL_RETRIES + 5)).toBe(mailRetryDelayMs(MAIL_RETRIES - 1));
  });

  it("is what every mail function retries on", () => {
    const mail = functions.filter((fn) => fn.opts.id.startsWith("send-"));
    expect(mail.map((fn) => fn.opts.id).sort()).toEqual([
      "send-account-exists-email",
      "send-attendee-message",
      "send-booking-cancelled-email",
      "send-demo-email",
      "send-email-change-code-email",
      "send-event-changed-emails",
      "send-event-reminders",
      "send-order-awaiting-payment-email",
      "send-order-confirmed-email",
      "send-order-expired-email",
      "send-order-refunded-email",
      "send-organization-invitation-email",
      "send-password-reset-email",
      "send-ticket-transferred-email",
      "send-verification-email",
      "send-waitlist-joined-email",
      "send-waitlist-promoted-email",
      "send-webhook-disabled-email",
    ]);
    for (const fn of mail) expect(fn.opts.retries, fn.opts.id).toBe(MAIL_RETRIES);
  });
});
