import { describe, expect, it } from "vitest";
import OrderAwaitingPayment from "./order-awaiting-payment";
import OrderConfirmed from "./order-confirmed";
import OrderExpired from "./order-expired";
import { renderEmail } from "./render";

describe("order emails", () => {
  it("lists each ticket with its type and code, and the discounted total, in an order confirmation", async () => {
    const email = await renderEmail({ template: "order-confirmed", props: OrderConfirmed.PreviewProps });
    expect(email.subject).toBe("Your tickets: Jazz on the Roof");
    expect(email.text).toContain("Standard: TKT-8F3K-Q2ZP-7M4D");
    expect(email.text).toContain("Standard: TKT-J6WC-R9XB-2T5N");
    expect(email.text).toContain("Backstage: TKT-5RNA-H3KT-8WQE");
    expect(email.text).toMatch(/2 × STANDARD +€50\.00/);
    expect(email.text).toMatch(/DISCOUNT \(ROOF10\) +−€11\.00/);
    expect(email.text).toMatch(/TOTAL +€99\.00/);
    expect(email.html).toContain('href="http://localhost:3000/orders/7d0c4c1e-2f61-4c43-9a57-2a4f4f0e9b11"');
  });

  it("calls a free order confirmed and shows no discount line", async () => {
    const props = { ...OrderConfirmed.PreviewProps, lines: [{ name: "General admission", quantity: 1, unitPriceCents: 0 }], subtotalCents: 0, discountCents: 0, totalCents: 0, promoCode: null };
    const email = await renderEmail({ template: "order-confirmed", props });
    expect(email.subject).toBe("Order confirmed: Jazz on the Roof");
    expect(email.text).toMatch(/TOTAL +Free/);
    expect(email.text).not.toMatch(/discount/i);
  });

  it("gives the pay link and the deadline in the event's time zone when payment is due", async () => {
    const props = { ...OrderAwaitingPayment.PreviewProps, event: { ...OrderAwaitingPayment.PreviewProps.event, timezone: "America/New_York" } };
    const email = await renderEmail({ template: "order-awaiting-payment", props });
    expect(email.subject).toBe("Complete your payment: Jazz on the Roof");
    expect(email.text).toContain("held until Sunday, March 1, 2026 at 05:10 EST");
    expect(email.html).toContain(`href="${props.payUrl}"`);
  });

  it("words a waitlist offer as seats freed up for the reader, with the same deadline", async () => {
    const email = await renderEmail({ template: "order-awaiting-payment", props: { ...OrderAwaitingPayment.PreviewProps, offer: true } });
    expect(email.subject).toBe("Seats freed up for Jazz on the Roof: pay to keep them");
    expect(email.text).toContain("you are next on the waitlist");
    expect(email.text).toContain("Sunday, March 1, 2026 at 10:10 GMT+0");
    expect(email.text).toContain("go to the next person in line");
  });

  it("says an expired hold charged nothing and released the seats", async () => {
    const email = await renderEmail({ template: "order-expired", props: OrderExpired.PreviewProps });
    expect(email.subject).toBe("Your hold expired: Jazz on the Roof");
    expect(email.text).toContain("so they were released. Nothing was charged.");
  });
});
