/** A stored instant as the viewer's browser locale would show it, in UTC so server and client agree. */
export function formatInstant(iso: string | null): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" }).format(new Date(iso)) + " UTC";
}
