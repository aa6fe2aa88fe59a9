import type { DbOrTx } from "@/lib/db/client";
import type { UserActor } from "@/lib/domain/context";
import { Unauthenticated } from "@/lib/domain/errors";

/** Resolves a bearer access token to the acting user; any invalid, expired or revoked token is 401. */
export async function authenticateAccessToken(_args: { db: DbOrTx; token: string; now: Date }): Promise<UserActor> {
  throw new Unauthenticated("INVALID_TOKEN", "The access token is invalid or expired.");
}
