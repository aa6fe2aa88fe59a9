import { hkdfSync, webcrypto } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Every auth secret is derived from AUTH_SECRET with HKDF under its own label, so one leaked
 * key (say, the code-sealing key) says nothing about the others.
 */
function derive(purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "evently-auth-v1", purpose, 32));
}

let accessTokenKey: Promise<CryptoKey> | undefined;
let codeHmacKey: Buffer | undefined;
let codeSealKey: Buffer | undefined;

/** Imported once: importing a key on every verification would sit on the hot path. */
export function accessTokenSigningKey(): Promise<CryptoKey> {
  accessTokenKey ??= webcrypto.subtle.importKey(
    "raw",
    derive("access-token:hs256"),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign", "verify"],
  ) as Promise<CryptoKey>;
  return accessTokenKey;
}

export function verificationCodeHmacKey(): Buffer {
  codeHmacKey ??= derive("verification-code:hmac");
  return codeHmacKey;
}

export function verificationCodeSealKey(): Buffer {
  codeSealKey ??= derive("verification-code:aes-256-gcm");
  return codeSealKey;
}
