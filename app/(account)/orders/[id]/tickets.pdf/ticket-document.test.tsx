import { renderToBuffer } from "@react-pdf/renderer";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { TicketDocument } from "./ticket-document";

describe("the PDF tickets", () => {
  it("render in Node with one page per ticket, each with its code", async () => {
    const codes = ["7Q2M4K9XH3TB1PZRW8CD", "0123456789ABCDEFGHJK"];
    const tickets = await Promise.all(
      codes.map(async (code, i) => ({ code, qrDataUrl: await QRCode.toDataURL(code), ticketType: "General admission", attendeeName: i === 0 ? "Ben Ortiz" : null })),
    );
    const pdf = await renderToBuffer(<TicketDocument event={{ title: "Jazz Night", venue: "Blue Room", when: "Saturday 14 March 2026 at 19:00 WET" }} orderRef="7D0C4C1E" tickets={tickets} />);
    const text = pdf.toString("latin1");
    expect(text.startsWith("%PDF-")).toBe(true);
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(2);
    expect(text).toContain("/Count 2");
  });
});
