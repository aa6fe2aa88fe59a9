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

/** Signature, algorithm, type, issuer, audience and expiry; the session check is the caller's. */
export async function verifyAccessToken(token: string, now: Date): Promise<{ sub: string; sid: string }> {
  try {
    const { payload } = await jwtVerify(token, await accessTokenSigningKey(), {
      algorithms: ["HS256"],
      typ: TYPE,
      issuer: ISSUER,
      audience: AUDIENCE,
      currentDate: now,
      requiredClaims: ["sub", "sid", "exp"],
    });
    if (typeof payload.sub !== "string" || typeof payload.sid !== "string") throw invalidAccessToken();
    return { sub: payload.sub, sid: payload.sid };
  } catch (error) {
    if (error instanceof errors.JOSEError || error instanceof TypeError) throw invalidAccessToken();
    throw error;
  }
}
