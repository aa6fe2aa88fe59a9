import { createHmac, timingSafeEqual } from "node:crypto";
import { BadRequest, Unauthenticated } from "@/lib/domain/errors";

/**
 * Signs and checks notifications the way Stripe does: `t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<raw body>">`. The timestamp is signed with the body, so a captured notification cannot be
 * replayed after the tolerance; a sender re-signs on each delivery attempt.
 */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signNotification(rawBody: string, secret: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${hmac(secret, `${t}.${rawBody}`)}`;
}

export function verifyNotificationSignature(rawBody: string, header: string | null, secret: string, now: Date): void {
  if (!header) throw new Unauthenticated("SIGNATURE_MISSING", "The notification carries no signature.");
  const parts = new Map<string, string[]>();
  for (const part of header.split(",")) {
    const [key, value] = part.split("=", 2);
    if (key && value) parts.set(key.trim(), [...(parts.get(key.trim()) ?? []), value.trim()]);
  }
  const t = Number(parts.get("t")?.[0]);
  const signatures = parts.get("v1") ?? [];
  if (!Number.isInteger(t) || signatures.length === 0) throw new BadRequest("SIGNATURE_MALFORMED", "The notification signature is malformed.");
  if (Math.abs(now.getTime() / 1000 - t) > SIGNATURE_TOLERANCE_SECONDS) {
    throw new Unauthenticated("SIGNATURE_EXPIRED", "The notification signature is too old or too far in the future.");
  }
  const expected = Buffer.from(hmac(secret, `${t}.${rawBody}`), "hex");
  const matches = signatures.some((s) => {
    const given = Buffer.from(s, "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new Unauthenticated("SIGNATURE_INVALID", "The notification signature does not match.");
}

function hmac(secret: string, message: string): string {
  return createHmac("sha256", secret).update(message).digest("hex");
}
