import { afterAll, beforeAll, describe, expect, it } from "vitest";
import BookingConfirmed from "@/emails/booking-confirmed";
import { composeEmail } from "./compose-email";
import { createSmtpTransporter, deliverBySmtp } from "./smtp";
import { startSmtpTestServer, type SmtpTestServer } from "./smtp-test-server";

/** The headers and decoded body of every leaf MIME part, found by walking the boundaries. */
function mimeParts(raw: string): { headers: string; body: string }[] {
  const [head = "", ...rest] = raw.split(/\r\n\r\n/);
  const body = rest.join("\r\n\r\n");
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(head.replace(/\r\n[ \t]+/g, " "))?.[1];
  if (!/^content-type:\s*multipart\//im.test(head) || !boundary) return [{ headers: head, body: decode(head, body) }];
  return body
    .split(`--${boundary}`)
    .slice(1, -1)
    .flatMap((part) => mimeParts(part.replace(/^\r\n/, "")));
}

function decode(headers: string, body: string): string {
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const bytes = body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

describe("deliverBySmtp", () => {
  let server: SmtpTestServer;
  beforeAll(async () => {
    server = await startSmtpTestServer();
  });
  afterAll(() => server.close());

  it("delivers a booking confirmation as text and html alternatives with the event.ics attached", async () => {
    const transporter = createSmtpTransporter(server.url);
    const email = await composeEmail({ template: "booking-confirmed", props: BookingConfirmed.PreviewProps });
    await deliverBySmtp(transporter, {
      messageId: "<3f0e8c52-1a2b-4c3d-9e8f-0a1b2c3d4e5f@evently>",
      from: "Evently <no-reply@evently.local>",
      to: "ann@example.com",
      ...email,
    });
    transporter.close();

    expect(server.received).toHaveLength(1);
    const [mail] = server.received;
    expect(mail?.from).toBe("no-reply@evently.local");
    expect(mail?.to).toEqual(["ann@example.com"]);
    const raw = mail?.raw ?? "";
    expect(raw).toMatch(/^Subject: Booking confirmed: Jazz on the Roof\r$/m);
    expect(raw).toMatch(/^Message-ID: <3f0e8c52-1a2b-4c3d-9e8f-0a1b2c3d4e5f@evently>\r$/m);
    expect(raw).toMatch(/^Content-Type: multipart\/mixed;/m);
    expect(raw).toMatch(/^Content-Type: multipart\/alternative;/m);

    const parts = mimeParts(raw);
    const byType = (type: string) => parts.find((p) => new RegExp(`^content-type:\\s*${type}`, "im").test(p.headers));
    const text = byType("text/plain");
    const html = byType("text/html");
    const calendar = byType("text/calendar");
    expect(text?.body).toContain("TKT-8F3K-Q2ZP-7M4D");
    expect(text?.body).toContain("€12.50");
    expect(html?.body).toContain("TKT-J6WC-R9XB-2T5N");
    expect(calendar?.headers).toMatch(/^content-disposition:\s*attachment;\s*filename=event\.ics/im);
    expect(calendar?.body.replace(/\r\n[ \t]/g, "")).toContain("DTSTART:20260314T190000Z");
    expect(calendar?.body).toContain("UID:booking-7d0c4c1e-2f61-4c43-9a57-2a4f4f0e9b11@evently");
  });
});
