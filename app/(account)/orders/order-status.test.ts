import { describe, expect, it } from "vitest";
import { holdLapsed, orderStatusWords } from "./order-status";

const now = new Date("2026-12-06T20:00:00.000Z");
const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
const paid = { provider: "test", status: "pending" as const, checkoutUrl: "http://localhost/pay/x" };

describe("orderStatusWords", () => {
  it("counts an unpaid order's minutes left, rounded up", () => {
    expect(orderStatusWords({ status: "awaiting_payment", expiresAt: at(7 * 60_000 + 1), totalCents: 500, payment: paid }, now).label).toBe("Awaiting payment — 8 min left");
    expect(orderStatusWords({ status: "awaiting_payment", expiresAt: at(5_000), totalCents: 500, payment: paid }, now).label).toBe("Awaiting payment — 1 min left");
  });

  it("calls a lapsed hold expired before any job swept it", () => {
    const lapsed = { status: "awaiting_payment" as const, expiresAt: at(-1), totalCents: 500, payment: paid };
    expect(orderStatusWords(lapsed, now)).toEqual({ label: "Expired", tone: "over" });
    expect(holdLapsed(lapsed, now)).toBe(true);
    expect(holdLapsed({ ...lapsed, expiresAt: at(1_000) }, now)).toBe(false);
  });

  it("says Paid for a paid order and Confirmed for a free one", () => {
    expect(orderStatusWords({ status: "confirmed", expiresAt: null, totalCents: 500, payment: { ...paid, status: "succeeded" } }, now).label).toBe("Paid");
    expect(orderStatusWords({ status: "confirmed", expiresAt: null, totalCents: 0, payment: null }, now).label).toBe("Confirmed");
  });

  it("flags an expired order whose payment still arrived as due a refund", () => {
    expect(orderStatusWords({ status: "expired", expiresAt: at(-60_000), totalCents: 500, payment: { ...paid, status: "succeeded" } }, now).label).toBe("Expired — refund due");
    expect(orderStatusWords({ status: "refunded", expiresAt: null, totalCents: 500, payment: { ...paid, status: "refunded" } }, now).label).toBe("Refunded");
  });
});
