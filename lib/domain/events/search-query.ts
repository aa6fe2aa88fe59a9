import { sql, type SQL } from "drizzle-orm";

/** A quoted lexeme in tsquery text ('it''s' included). */
const LEXEME = "('(?:[^']|'')*')";

/**
 * Web-search syntax ("quoted phrases", or, -exclusions) where every term also matches as a
 * prefix, so "jaz" finds "jazz" while someone is still typing. Same 'english' configuration
 * as the indexed document, so stems line up.
 */
export function searchQuery(q: string): SQL {
  return sql`regexp_replace(websearch_to_tsquery('english', ${q})::text, ${LEXEME}, '\\1:*', 'g')::tsquery`;
}
