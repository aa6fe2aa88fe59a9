import type { Ctx } from "@/lib/domain/context";
import { Unauthenticated } from "@/lib/domain/errors";
import type { ClientInfo } from "./client-info";
import { normalizeEmail } from "./email";
import { findUserByEmail } from "./find-user";
import { verifyAgainstDummy, verifyPassword } from "./password";
import type { UserRow } from "./schema";
import { recordSecurityEvent } from "./security-log";

export function invalidCredentials(): Unauthenticated {
  return new Unauthenticated("INVALID_CREDENTIALS", "Email or password is incorrect.");
}

/**
 * The password check both sign-in faces share. Unknown email and wrong password cost the same
 * argon2 work and end in the same error; the failure is logged (and committed) first.
 */
export async function checkPassword(ctx: Ctx, { email, password, client }: { email: string; password: string; client: ClientInfo }): Promise<UserRow> {
  const user = await findUserByEmail(ctx.db, email);
  const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (user && ok) return user;
  await recordSecurityEvent(ctx.db, ctx, {
    type: "sign_in_failed",
    userId: user?.id,
    email: normalizeEmail(email),
    client,
    details: { reason: user ? "wrong_password" : "unknown_email" },
  });
  throw invalidCredentials();
}
