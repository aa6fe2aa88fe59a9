import { sql } from "drizzle-orm";
import fc from "fast-check";
import { getDb } from "@/lib/db/client";

/**
 * Malformed and hostile inputs for the fuzz tests, and a fingerprint of every row the app
 * owns, so a test can prove that a rejected request changed nothing.
 */

/** Times at and just past both ends of what API.md accepts (1970 to 9999 UTC, after the offset). */
export const BOUND_DATES = [
  "0000-01-01T00:00:00Z",
  "0000-01-01",
  "1969-12-31T23:59:59Z",
  "1970-01-01T00:00:00Z",
  "1970-01-01",
  "9999-12-31",
  "9999-12-31T23:59:59-12:00",
  "9999-12-31T23:59:59.999Z",
  "10000-01-01",
  "+275760-09-13T00:00:00Z",
];

/** C0 and C1 controls, DEL and the Unicode line separators: each must be refused or stored as text. */
export const CONTROL_CHARACTERS = ["\t", "\r\n", "\n", "\u0007", "\u001b[31m", "\u007f", "\u0085", "\u2028", "\u2029", "\ufeff"];

/** Cursors shaped like ours that no list handed out: an impossible time, a foreign id, the wrong shape. */
export const FORGED_CURSORS = [
  Buffer.from(JSON.stringify(["2026-13-45T99:99:99.000000Z", "00000000-0000-0000-0000-000000000000"])).toString("base64url"),
  Buffer.from(JSON.stringify(["0000-01-01T00:00:00.000000Z", "00000000-0000-0000-0000-000000000000"])).toString("base64url"),
  Buffer.from(JSON.stringify({ at: 1 })).toString("base64url"),
  Buffer.from("-1").toString("base64url"),
];

const NASTY_STRINGS = [
  "",
  " ",
  "' OR '1'='1",
  "'; drop table auth.users; --",
  "1; select pg_sleep(5)",
  "<script>alert(1)</script>",
  "../../../../etc/passwd",
  "%00",
  "\u0000",
  "\u202e\u0631evil",
  "𝕖𝕧𝕖𝕟𝕥𝕝𝕪 🎟️👩‍👩‍👧",
  "${jndi:ldap://127.0.0.1/x}",
  "{{7*7}}",
  "__proto__",
  "constructor",
  "NaN",
  "Infinity",
  "-1",
  "1e309",
  "null",
  "true",
  "00000000-0000-0000-0000-000000000000",
  "2026-02-30T25:61:00Z",
  "9999-12-31T23:59:59Z",
  ...BOUND_DATES,
  ...CONTROL_CHARACTERS.map((c) => `a${c}b`),
  ...FORGED_CURSORS,
];

export const hugeString = fc.constantFrom("x".repeat(70_000), "é".repeat(5_000), "🎟".repeat(3_000), "a".repeat(256));

export function hostileString(realIds: string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: hugeString },
    { weight: 1, arbitrary: fc.string({ maxLength: 10 }).map((s) => `${s}\u0000${s}`) },
    ...(realIds.length > 0 ? [{ weight: 3, arbitrary: fc.constantFrom(...realIds) }] : []),
  );
}

export const hostileNumber = fc.oneof(
  fc.integer(),
  fc.constantFrom(-1, 0, 1, 10, 11, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, 1e308, -1e308, 0.5, -0.0001, 1_000_001),
  fc.double({ noNaN: true }),
);

/** Any JSON value, biased towards the nasty ones. */
export function hostileValue(realIds: string[] = []): fc.Arbitrary<unknown> {
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      hostileString(realIds),
      hostileNumber,
      fc.boolean(),
      fc.constant(null),
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(fc.string({ maxLength: 10 }), tie("value"), { maxKeys: 4 }),
    ),
  }));
  return value;
}

/** An object with the expected field names (and maybe extra ones), each holding something hostile. */
export function hostileObject(fields: string[], realIds: string[] = []): fc.Arbitrary<Record<string, unknown>> {
  const known = fields.length > 0 ? fc.subarray(fields) : fc.constant([] as string[]);
  return fc
    .tuple(known, fc.dictionary(fc.string({ maxLength: 12 }), hostileValue(realIds), { maxKeys: 3 }))
    .chain(([names, extra]) =>
      fc.tuple(...names.map(() => hostileValue(realIds))).map((values) => ({ ...extra, ...Object.fromEntries(names.map((n, i) => [n, values[i]])) })),
    );
}

/** A request body as sent on the wire: JSON of something hostile, broken JSON, or nothing. */
export function hostileBody(fields: string[], realIds: string[] = []): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 5, arbitrary: hostileObject(fields, realIds).map((o) => JSON.stringify(o)) },
    { weight: 1, arbitrary: hostileValue(realIds).map((v) => JSON.stringify(v) ?? "null") },
    { weight: 1, arbitrary: fc.constantFrom("{", "{\"quantity\":", "[1,2", "nul", "{'a':1}", "\u0000", "{}}", "\"\\u12\"") },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant(JSON.stringify({ padding: "x".repeat(70_000) })) },
    { weight: 1, arbitrary: hostileShape(fields) },
    { weight: 1, arbitrary: controlCharacterObject(fields) },
  );
}

/** Bodies whose shape is the attack: nested thousands deep, or arrays and objects with thousands of items. */
export function hostileShape(fields: string[]): fc.Arbitrary<string> {
  const field = fields[0] ?? "x";
  return fc.constantFrom(
    `{"${field}":${"[".repeat(3400)}1${"]".repeat(3400)}}`,
    `${"{\"a\":".repeat(40)}1${"}".repeat(40)}`,
    JSON.stringify({ [field]: Array.from({ length: 5000 }, () => 0) }),
    JSON.stringify(Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, i]))),
    JSON.stringify(Array.from({ length: 1001 }, () => ({}))),
  );
}

/** Every expected field a string carrying control characters. */
export function controlCharacterObject(fields: string[]): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom(...CONTROL_CHARACTERS), { minLength: fields.length, maxLength: fields.length })
    .map((chars) => JSON.stringify(Object.fromEntries(fields.map((name, i) => [name, `x${chars[i]}y${chars[i]}`]))));
}

export const hostileContentType = fc.constantFrom(
  "application/json",
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=xyz",
  "application/problem+json",
  undefined,
);

/** Header values must be printable ASCII, or Request refuses them before the app sees them. */
export const hostileHeaderValue = fc.oneof(
  fc.constantFrom("", "x", "a".repeat(300), "a".repeat(10_000), "' OR 1=1 --", "null", "../.."),
  fc.string({ maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, "")),
  fc.uuid(),
);

/** Tables whose rows a rejected request may change by design, and why. */
const CHANGED_BY_DESIGN: Record<string, string> = {
  "auth.security_events": "failed and refused attempts are audited",
  "auth.verification_codes": "a wrong code counts towards the five allowed tries",
  "bookings.idempotency_keys": "a refusal is the stored answer a retry with the key replays",
};

let fingerprintQuery: ReturnType<typeof sql.raw> | undefined;

/** One hash over every row of every domain table (bar CHANGED_BY_DESIGN and session activity). */
export async function fingerprint(): Promise<string> {
  if (!fingerprintQuery) {
    const tables = await getDb().execute<{ name: string }>(sql`
      select format('%I.%I', schemaname, tablename) as name from pg_tables
      where schemaname in ('auth', 'events', 'bookings', 'analytics', 'media', 'platform') order by 1`);
    const parts = tables
      .map((t) => t.name)
      .filter((name) => !(name.replace(/"/g, "") in CHANGED_BY_DESIGN))
      .map((name) => {
        // A session's last_seen_at moves on every authenticated request, refused or not.
        const row = `(to_jsonb(t) - 'last_seen_at')::text`;
        return `select '${name}:' || coalesce(md5(string_agg(${row}, ',' order by ${row})), '') as h from ${name} t`;
      });
    fingerprintQuery = sql.raw(`select md5(string_agg(h, '|' order by h)) as hash from (${parts.join(" union all ")}) tables`);
  }
  const [row] = await getDb().execute<{ hash: string }>(fingerprintQuery);
  return row!.hash;
}
