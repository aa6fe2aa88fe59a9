import { errors, jwtVerify, SignJWT } from "jose";
import type { Role } from "@/lib/domain/context";
import { Unauthenticated } from "@/lib/domain/errors";
import { accessTokenSigningKey } from "./auth-keys";

/** Access tokens are short-lived; revocation still applies at once through the session row. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

const ISSUER = "evently";
const AUDIENCE = "evently-api";
const TYPE = "at+jwt";

export type AccessTokenClaims = { sub: string; sid: string; role: Role };

export async function signAccessToken(claims: AccessTokenClaims, now: Date): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ sid: claims.sid, role: claims.role })
    .setProtectedHeader({ alg: "HS256", typ: TYPE })
    .setSubject(claims.sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ACCESS_TOKEN_TTL_SECONDS)
    .sign(await accessTokenSigningKey());
}

export function invalidAccessToken(): Unauthenticated {
  return new Unauthenticated("INVALID_TOKEN", "The access token is invalid, expired or revoked.");
}

type VerifiedClaims = { sub: string; sid: string; exp: number };

/**
 * Tokens whose signature already checked out, until they expire: the signature check is a
 * quarter of the per-request auth cost, and a token's bytes cannot change. Expiry is still
 * checked on every use, and revocation lives in the session row, not here.
 */
const verified = new Map<string, VerifiedClaims>();
const MAX_VERIFIED = 10_000;

function remember(token: string, claims: VerifiedClaims): void {
  if (verified.size >= MAX_VERIFIED) verified.delete(verified.keys().next().value!);
  verified.set(token, claims);
}

/** Signature, algorithm, type, issuer, audience and expiry; the session check is the caller's. */
export async function verifyAccessToken(token: string, now: Date): Promise<{ sub: string; sid: string }> {
  const known = verified.get(token);
  if (known) {
    if (now.getTime() < known.exp * 1000) return known;
    verified.delete(token);
    throw invalidAccessToken();
  }
  try {
    const { payload } = await jwtVerify(token, await accessTokenSigningKey(), {
      algorithms: ["HS256"],
      typ: TYPE,
      issuer: ISSUER,
      audience: AUDIENCE,
      currentDate: now,
      requiredClaims: ["sub", "sid", "exp"],
    });
    if (typeof payload.sub !== "string" || typeof payload.sid !== "string" || typeof payload.exp !== "number") throw invalidAccessToken();
    const claims = { sub: payload.sub, sid: payload.sid, exp: payload.exp };
    remember(token, claims);
    return claims;
  } catch (error) {
    if (error instanceof errors.JOSEError || error instanceof TypeError) throw invalidAccessToken();
    throw error;
  }
}
