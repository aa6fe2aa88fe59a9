/**
 * One query parameter as a page reads it: Next hands a repeated parameter (`?q=a&q=b`) over as
 * an array, which no list input accepts, so the first value wins as it does on the API; and
 * U+0000, which Postgres text cannot hold (a query would fail), is dropped.
 */
export function searchParam(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value)?.replaceAll("\u0000", "");
}
