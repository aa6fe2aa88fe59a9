import { randomBytes } from "node:crypto";

/** Crockford base32: no I, L, O or U, so a code read aloud or typed at the door is unambiguous. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH = 20;

/** 20 symbols of 5 random bits: 100 bits, unguessable and, in practice, unique (a unique index backs it). */
export function newTicketCode(): string {
  const bytes = randomBytes(LENGTH);
  let code = "";
  for (const byte of bytes) code += ALPHABET[byte & 31];
  return code;
}
