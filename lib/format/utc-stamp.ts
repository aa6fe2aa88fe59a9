/**
 * An instant as a compact, sortable UTC stamp for operator screens: "2026-03-01 19:05:09".
 * Callers add " UTC" where the reader needs telling; `minute` drops the seconds.
 */
export function utcStamp(at: Date, precision: "second" | "minute" = "second"): string {
  return at
    .toISOString()
    .replace("T", " ")
    .slice(0, precision === "second" ? 19 : 16);
}
