import { randomBytes } from "node:crypto";

/** Crockford base32: no I, L, O or U, so a code read aloud or typed at the door is unambiguous. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH = 20;

/** 20 symbols of 5 random bits: 100 bits, unguessable and, in practice, unique (a unique index backs it). */
export function newTicketCode(): string {
  return newTicketCodes(1)[0]!;
}

/** `n` codes from one draw of random bytes (the booking hot path asks once per booking). */
export function newTicketCodes(n: number): string[] {
  const bytes = randomBytes(LENGTH * n);
  const codes: string[] = [];
  for (let c = 0; c < n; c++) {
    let code = "";
    for (let i = c * LENGTH; i < (c + 1) * LENGTH; i++) code += ALPHABET[bytes[i]! & 31];
    codes.push(code);
  }
  return codes;
}
