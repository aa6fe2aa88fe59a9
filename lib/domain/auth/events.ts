import { z } from "zod";

/**
 * The facts the auth domain emits; its email jobs consume them. The verification code is
 * sealed (AES-256-GCM, see verification-code.ts): the outbox never holds it in clear.
 */
export const authEvents = {
  "auth.verification_code_issued": z.object({
    userId: z.uuid(),
    codeId: z.uuid(),
    email: z.email(),
    name: z.string(),
    sealedCode: z.string().min(1),
    expiresInMinutes: z.number().int().positive(),
  }),
  /** A resend request, recorded alike for every address; the job decides whether a code goes out. */
  "auth.verification_resend_requested": z.object({ email: z.email() }),
  /** A reset request, recorded alike for every address; the job decides whether a code goes out. */
  "auth.password_reset_requested": z.object({ email: z.email() }),
  "auth.password_reset_code_issued": z.object({
    userId: z.uuid(),
    codeId: z.uuid(),
    email: z.email(),
    name: z.string(),
    sealedCode: z.string().min(1),
    expiresInMinutes: z.number().int().positive(),
  }),
  /** Sent to the new address; the account's address changes only when this code comes back. */
  "auth.email_change_code_issued": z.object({
    userId: z.uuid(),
    codeId: z.uuid(),
    email: z.email(),
    name: z.string(),
    sealedCode: z.string().min(1),
    expiresInMinutes: z.number().int().positive(),
  }),
  "auth.registration_for_existing_account": z.object({
    userId: z.uuid(),
    email: z.email(),
    name: z.string(),
  }),
};
