import { sql, type SQL } from "drizzle-orm";

/** A quoted lexeme in tsquery text ('it''s' included). */
const LEXEME = "('(?:[^']|'')*')";

/**
 * Accents are folded by the same immutable function as the indexed document (schema.ts), so
 * "cafe" and "café" find "Café". Web-search syntax ("quoted phrases", or, -exclusions) where every term also matches as a
 * prefix, so "jaz" finds "jazz" while someone is still typing. Same 'english' configuration
 * as the indexed document, so stems line up.
 */
export function searchQuery(q: string): SQL {
  return sql`regexp_replace(websearch_to_tsquery('english', events.fold_accents(${q}))::text, ${LEXEME}, '\\1:*', 'g')::tsquery`;
}
