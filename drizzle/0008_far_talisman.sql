DROP INDEX "analytics"."top_events_metric_organizer_rank_idx";--> statement-breakpoint
ALTER TABLE "analytics"."top_events" DROP COLUMN "organizer_rank";