import { createHash, randomBytes } from "node:crypto";

/**
 * Every API token starts with this, so secret scanners (GitHub push protection, gitleaks) can
 * recognise a leaked one, and the request wrapper can tell it from a JWT access token.
 */
export const API_TOKEN_PREFIX = "evtly_pat_";

/** An organization's token: the same kind of secret, told apart so it resolves to the organization, not a person. */
export const ORGANIZATION_TOKEN_PREFIX = "evtly_org_";

/** 256 random bits, base64url: guessing is hopeless, so one sha256 is the right hash for it. */
export function newApiTokenSecret(prefix: typeof API_TOKEN_PREFIX | typeof ORGANIZATION_TOKEN_PREFIX = API_TOKEN_PREFIX): string {
  return prefix + randomBytes(32).toString("base64url");
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function looksLikeApiToken(token: string): boolean {
  return token.startsWith(API_TOKEN_PREFIX);
}

export function looksLikeOrganizationToken(token: string): boolean {
  return token.startsWith(ORGANIZATION_TOKEN_PREFIX);
}
