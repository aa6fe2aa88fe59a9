ALTER TABLE "analytics"."event_stats" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
CREATE INDEX "event_stats_organization_id_idx" ON "analytics"."event_stats" USING btree ("organization_id");--> statement-breakpoint
-- Backfill: stats rows take their event's organization once; from here on the event snapshots keep it.
UPDATE "analytics"."event_stats" s SET "organization_id" = e."organization_id" FROM "events"."events" e WHERE e."id" = s."event_id" AND e."organization_id" IS NOT NULL;
