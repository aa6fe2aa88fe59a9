/** A base no real request has: a target that resolves to any other origin left this site. */
const LOCAL = "http://local.invalid";

/** C0 and C1 control characters: browsers drop tab, CR and LF from URLs, so `/\t/evil` reads as `//evil`. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Where to go after signing in: only a path on this site, never another origin (`//evil`,
 * `/\evil`, `/\t/evil`, `javascript:`). The answer is what the URL parser made of it, so every
 * character outside ASCII comes back percent-encoded and can go in a Location header.
 */
export function safeNext(next: unknown, fallback = "/"): string {
  if (typeof next !== "string") return fallback;
  const path = next.replace(CONTROL_CHARACTERS, "");
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  if (!URL.canParse(path, LOCAL)) return fallback;
  const url = new URL(path, LOCAL);
  if (url.origin !== LOCAL) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
