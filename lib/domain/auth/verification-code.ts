import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { verificationCodeHmacKey, verificationCodeSealKey } from "./auth-keys";

export const CODE_TTL_MINUTES = 10;
export const MAX_CODE_ATTEMPTS = 5;

/** Six digits from the CSPRNG. */
export function generateCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/** Bound to the user (and, for account codes, the purpose), so a hash copied onto another row matches nothing. */
export function hashCode(userId: string, code: string): string {
  return createHmac("sha256", verificationCodeHmacKey()).update(`${userId}:${code}`).digest("hex");
}

export function codeMatches(storedHash: string, userId: string, code: string): boolean {
  const expected = Buffer.from(storedHash, "hex");
  const actual = Buffer.from(hashCode(userId, code), "hex");
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * The code travels to the email job inside the outbox event, encrypted (AES-256-GCM, the code
 * row's id as associated data), so neither the outbox nor a job run's stored state holds it in
 * clear and a sealed code cannot be replayed under another code id.
 */
export function sealCode(code: string, codeId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", verificationCodeSealKey(), iv);
  cipher.setAAD(Buffer.from(codeId));
  const sealed = Buffer.concat([cipher.update(code, "utf8"), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString("base64url");
}

export function unsealCode(sealed: string, codeId: string): string {
  const bytes = Buffer.from(sealed, "base64url");
  const iv = bytes.subarray(0, 12);
  const tag = bytes.subarray(bytes.length - 16);
  const decipher = createDecipheriv("aes-256-gcm", verificationCodeSealKey(), iv);
  decipher.setAAD(Buffer.from(codeId));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString("utf8");
}
