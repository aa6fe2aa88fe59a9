import { describe, expect, it } from "vitest";
import { signNotification, verifyNotificationSignature } from "./notification-signature";

const secret = "whsec_test_0123456789";
const body = JSON.stringify({ id: "evt_1", type: "payment.succeeded" });
const now = new Date("2026-12-06T12:00:00Z");

describe("notification signatures", () => {
  it("accepts a notification signed with the secret within the tolerance", () => {
    const header = signNotification(body, secret, new Date(now.getTime() - 60_000));
    expect(() => verifyNotificationSignature(body, header, secret, now)).not.toThrow();
  });

  it("refuses a body changed after signing, a wrong secret and a missing signature", () => {
    const header = signNotification(body, secret, now);
    expect(() => verifyNotificationSignature(body.replace("succeeded", "failed"), header, secret, now)).toThrow(
      expect.objectContaining({ code: "SIGNATURE_INVALID", kind: "Unauthenticated" }),
    );
    expect(() => verifyNotificationSignature(body, header, "another-secret", now)).toThrow(expect.objectContaining({ code: "SIGNATURE_INVALID" }));
    expect(() => verifyNotificationSignature(body, null, secret, now)).toThrow(expect.objectContaining({ code: "SIGNATURE_MISSING" }));
  });

  it("refuses a replay signed longer ago than the tolerance and a malformed header", () => {
    const old = signNotification(body, secret, new Date(now.getTime() - 301_000));
    expect(() => verifyNotificationSignature(body, old, secret, now)).toThrow(expect.objectContaining({ code: "SIGNATURE_EXPIRED" }));
    expect(() => verifyNotificationSignature(body, "v1=abc", secret, now)).toThrow(expect.objectContaining({ code: "SIGNATURE_MALFORMED", kind: "BadRequest" }));
  });
});
