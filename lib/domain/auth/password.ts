import { hash, verify, type Options } from "@node-rs/argon2";

/**
 * argon2id with OWASP's recommended floor (19 MiB, 2 passes, 1 lane). `algorithm: 2` is
 * Argon2id; the package's const enum cannot be imported under isolatedModules.
 */
const ARGON2: Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * For an unknown email: spends the same argon2 work as a real check and fails, so the answer's
 * timing does not tell which addresses have accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hash("evently-dummy-password-for-timing", ARGON2);
  await verifyPassword(await dummyHash, password);
  return false;
}
