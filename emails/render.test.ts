import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { accountExistsMessage } from "@/lib/notifications";
import { emailTemplateNames, isEmailTemplateName, previewEmail, renderEmail } from "./render";
import BookingConfirmed from "./booking-confirmed";
import { formatMoney } from "./format";

describe("renderEmail", () => {
  it.each(emailTemplateNames)("renders %s from its preview props with a subject, html and plain text", async (name) => {
    const email = await previewEmail(name);
    expect(email.subject.length).toBeGreaterThan(0);
    expect(email.html).toMatch(/^<!DOCTYPE html/);
    expect(email.html).toContain('lang="en"');
    expect(email.text).not.toContain("<");
  });

  it("puts the six-digit code in the subject, html and text of a verification email", async () => {
    const email = await renderEmail({ template: "verification-code", props: { code: "048213", expiresInMinutes: 10 } });
    expect(email.subject).toBe("048213 is your Evently verification code");
    expect(email.html).toContain("048213");
    expect(email.text).toContain("048213");
    expect(email.text).toContain("expires in 10 minutes");
  });

  it("tells the owner of an existing account how to sign in, without a code, as production sends it", async () => {
    const email = await renderEmail(accountExistsMessage({ name: "Ann" }));
    expect(email.subject).toBe("Someone tried to create an Evently account with your email");
    expect(email.text).toContain("Hi Ann");
    expect(email.text).toContain(`${env.APP_URL}/sign-in`);
    expect(email.html).toContain(`href="${env.APP_URL}/sign-in"`);
    // There is no password-reset page: the message must not promise one.
    expect(email.text).not.toMatch(/reset/i);
    expect(email.text).not.toMatch(/\b\d{6}\b/);
  });

  it("lists every ticket code, the start time in the event's zone and the euro total of a confirmed booking", async () => {
    const email = await previewEmail("booking-confirmed");
    expect(email.subject).toBe("Booking confirmed: Jazz on the Roof");
    for (const code of ["TKT-8F3K-Q2ZP-7M4D", "TKT-J6WC-R9XB-2T5N"]) {
      expect(email.html).toContain(code);
      expect(email.text).toContain(code);
    }
    expect(email.text).toContain("€12.50");
    expect(email.text).toContain("Saturday, March 14, 2026 at 19:00 GMT+0");
    expect(email.text).toContain("Skyline Terrace, 12 Harbour St, Lisbon");
  });

  it("shows a New York event's times in New York time, and a message queued without a zone in UTC", async () => {
    const props = BookingConfirmed.PreviewProps;
    const newYork = await renderEmail({ template: "booking-confirmed", props: { ...props, event: { ...props.event, timezone: "America/New_York" } } });
    expect(newYork.text).toContain("Saturday, March 14, 2026 at 15:00 EDT");
    expect(newYork.text).toContain("Saturday, March 14, 2026 at 18:30 EDT");
    const { timezone: _zone, ...zoneless } = props.event;
    const legacy = await renderEmail({ template: "booking-confirmed", props: { ...props, event: zoneless } });
    expect(legacy.text).toContain("Saturday, March 14, 2026 at 19:00 UTC");
  });

  it("formats yen without decimals in a waitlist promotion", async () => {
    const email = await previewEmail("waitlist-promoted");
    expect(email.text).toContain("¥1,200");
    expect(email.text).toContain("TKT-4HQN-W8ZR-3KDL");
    expect(email.subject).toContain("Tokyo Indie Game Night");
  });

  it("says who cancelled a booking", async () => {
    const props = { ...(await import("./booking-cancelled")).default.PreviewProps };
    const byOrganizer = await renderEmail({ template: "booking-cancelled", props: { ...props, cancelledBy: "organizer" } });
    const byYou = await renderEmail({ template: "booking-cancelled", props: { ...props, cancelledBy: "you" } });
    expect(byOrganizer.text).toContain("The organizer of Jazz on the Roof cancelled your booking of 2 tickets");
    expect(byYou.text).toContain("As you asked, we cancelled your booking of 2 tickets");
  });

  it("gives the waitlist position and quantity", async () => {
    const email = await previewEmail("waitlist-joined");
    expect(email.subject).toBe("You're #3 on the waitlist for Jazz on the Roof");
    expect(email.text).toMatch(/YOUR POSITION\s+#3/);
    expect(email.text).toMatch(/TICKETS WANTED\s+2/);
  });

  it("shows what changed, old and new, both in the event's zone across its DST change", async () => {
    const email = await previewEmail("event-changed");
    expect(email.text).toContain("Now: Saturday, April 4, 2026 at 20:00 GMT+1");
    expect(email.text).toContain("Was: Saturday, March 14, 2026 at 19:00 GMT+0");
    expect(email.text).toContain("Now: Harbour Hall, 3 Quay Rd, Lisbon");
  });

  it("promises the refund of a cancelled event, or says there is nothing to refund", async () => {
    const paid = await previewEmail("event-cancelled");
    expect(paid.subject).toBe("Event cancelled: Jazz on the Roof");
    expect(paid.text).toContain("full refund of €12.50");
    const props = (await import("./event-cancelled")).default.PreviewProps;
    const free = await renderEmail({ template: "event-cancelled", props: { ...props, totalCents: 0 } });
    expect(free.text).toContain("nothing to refund");
  });

  it("keeps a line break in an event title out of the subject header", async () => {
    const props = BookingConfirmed.PreviewProps;
    const email = await renderEmail({
      template: "booking-confirmed",
      props: { ...props, event: { ...props.event, title: "Jazz\r\nBcc: victim@example.com" } },
    });
    expect(email.subject).toBe("Booking confirmed: Jazz Bcc: victim@example.com");
  });

  it("escapes HTML in user-supplied text", async () => {
    const props = BookingConfirmed.PreviewProps;
    const email = await renderEmail({
      template: "booking-confirmed",
      props: { ...props, event: { ...props.event, title: "<script>alert(1)</script>" } },
    });
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;");
  });

  it("knows its template names", () => {
    expect(isEmailTemplateName("booking-confirmed")).toBe(true);
    expect(isEmailTemplateName("toString")).toBe(false);
  });
});

describe("formatMoney", () => {
  it.each([
    [1250, "EUR", "€12.50"],
    [1200, "JPY", "¥1,200"],
    [1234, "KWD", "KWD\u00a01.234"],
    [123456789, "USD", "$1,234,567.89"],
    [5, "GBP", "£0.05"],
  ])("formats %i minor units of %s as %s", (minor, currency, expected) => {
    expect(formatMoney(minor, currency)).toBe(expected);
  });
});
