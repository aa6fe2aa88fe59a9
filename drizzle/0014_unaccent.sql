-- Search folds accents ("cafe" finds "Café"). unaccent() is only STABLE (its dictionary could
-- change), so a generated column and its GIN index cannot call it; this wrapper pins the
-- dictionary by schema-qualified name and is declared IMMUTABLE, the documented way to index it.
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION events.fold_accents(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
