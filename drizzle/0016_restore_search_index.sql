-- drizzle-kit regenerates a changed generated column by dropping and re-adding it, which drops
-- events_search_idx with it and does not recreate it (its snapshot still lists the index).
CREATE INDEX IF NOT EXISTS "events_search_idx" ON "events"."events" USING gin ("search");
