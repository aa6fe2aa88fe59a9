import { createHash, randomBytes } from "node:crypto";

/**
 * Every API token starts with this, so secret scanners (GitHub push protection, gitleaks) can
 * recognise a leaked one, and the request wrapper can tell it from a JWT access token.
 */
export const API_TOKEN_PREFIX = "evtly_pat_";

/** 256 random bits, base64url: guessing is hopeless, so one sha256 is the right hash for it. */
export function newApiTokenSecret(): string {
  return API_TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function looksLikeApiToken(token: string): boolean {
  return token.startsWith(API_TOKEN_PREFIX);
}
