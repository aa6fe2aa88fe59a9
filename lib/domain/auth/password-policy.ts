/**
 * What a new password must be (ASVS 2.1): at least 10 characters, at most 128 (argon2 work is
 * bounded), any characters allowed, no composition rules — but not a well-known password,
 * not a well-known word dressed up with digits, symbols or leetspeak ("P@ssw0rd2024!"), not
 * one character or two repeated, and not built from the account's own email or name.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** Whole passwords seen at the top of breach lists that pass the length rule. */
const COMMON_PASSWORDS = new Set([
  "1234567890", "0123456789", "0987654321", "12345678910", "123456789a", "a123456789", "1q2w3e4r5t",
  "1q2w3e4r5t6y", "q1w2e3r4t5", "1qaz2wsx3edc", "zaq12wsxcde3", "qwertyuiop", "asdfghjkl;", "zxcvbnm,./",
  "qwerty1234", "qwerty12345", "qwerty123456", "abc1234567", "1234qwerty", "123qweasdzxc", "qweasdzxc123",
  "1234554321", "1122334455", "1357924680", "9876543210", "147258369a", "asdfasdfasdf",
]);

/**
 * The roots at the top of breach lists that, once digits, symbols and leetspeak are stripped,
 * leave nothing of substance ("P@ssw0rd2024!" is "password"). Ordinary words are not here:
 * a phrase that merely contains one ("secret-garden-gate") is fine.
 */
const COMMON_BASES = new Set([
  "password", "passwort", "motdepasse", "contrasena", "qwerty", "qwertz", "azerty", "qwertyuiop", "asdfghjkl", "zxcvbnm",
  "qazwsx", "qweasdzxc", "abc", "abcd", "abcdef", "abcdefg", "abcdefgh", "abcdefghij", "letmein", "welcome", "iloveyou",
  "admin", "administrator", "changeme", "monkey", "dragon", "football", "baseball", "sunshine", "princess", "master",
  "shadow", "superman", "batman", "trustno", "starwars", "whatever", "freedom", "",
]);

const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i" };

/** The word under the decoration: edges of digits and symbols cut, leetspeak inside undone. */
function baseWords(password: string): string[] {
  const lower = password.toLowerCase();
  const lettersOnly = lower.replace(/[^\p{L}]/gu, "");
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  const unLeeted = [...core].map((c) => LEET[c] ?? c).join("").replace(/[^\p{L}]/gu, "");
  return [lettersOnly, unLeeted];
}

/** The problem with a new password, in words for the form; null when it is acceptable. */
export function passwordProblem(password: string, account: { email?: string; name?: string } = {}): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || baseWords(password).some((w) => COMMON_BASES.has(w))) {
    return "This password is too common. Try a few unrelated words.";
  }
  if (new Set(lower).size < 4) return "Use more than a few different characters.";
  const localPart = account.email?.split("@")[0]?.toLowerCase() ?? "";
  const name = account.name?.toLowerCase().replace(/\s+/g, "") ?? "";
  for (const own of [localPart, name]) {
    if (own.length >= 5 && lower.replace(/\s+/g, "").includes(own)) return "Do not build the password from your email or name.";
  }
  return null;
}
