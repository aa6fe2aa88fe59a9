import { createHash, randomBytes } from "node:crypto";

/** 256 random bits; only the sha256 is stored, so the table alone cannot mint sessions. */
export function newRefreshToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
