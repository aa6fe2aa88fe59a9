import { z } from "zod";

/** Emails are compared trimmed and lower-cased everywhere: `Ann@x.io` and `ann@x.io` are one account. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address.").max(254, "Enter a valid email address."));
