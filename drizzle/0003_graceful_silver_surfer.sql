CREATE SCHEMA "analytics";
--> statement-breakpoint
CREATE TABLE "analytics"."daily_stats" (
	"date" date NOT NULL,
	"event_id" uuid NOT NULL,
	"organizer_id" uuid,
	"bookings" integer DEFAULT 0 NOT NULL,
	"seats_sold" integer DEFAULT 0 NOT NULL,
	"revenue_cents" bigint DEFAULT 0 NOT NULL,
	"cancellations" integer DEFAULT 0 NOT NULL,
	"seats_cancelled" integer DEFAULT 0 NOT NULL,
	"revenue_cancelled_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "daily_stats_pk" PRIMARY KEY("date","event_id")
);
--> statement-breakpoint
CREATE TABLE "analytics"."event_log" (
	"outbox_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"event_id" uuid,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics"."event_stats" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"organizer_id" uuid,
	"title" text DEFAULT '' NOT NULL,
	"capacity" integer DEFAULT 0 NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"status" text,
	"starts_at" timestamp with time zone,
	"event_version" integer DEFAULT 0 NOT NULL,
	"seats_sold" integer DEFAULT 0 NOT NULL,
	"bookings_confirmed" integer DEFAULT 0 NOT NULL,
	"bookings_cancelled" integer DEFAULT 0 NOT NULL,
	"revenue_cents" bigint DEFAULT 0 NOT NULL,
	"waitlist_waiting" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics"."reconciliations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"events_checked" integer NOT NULL,
	"drift_events" integer NOT NULL,
	"details" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics"."system_metrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"captured_at" timestamp with time zone NOT NULL,
	"users" integer NOT NULL,
	"events" integer NOT NULL,
	"bookings" integer NOT NULL,
	"seats_sold" bigint NOT NULL,
	"revenue_cents" bigint NOT NULL,
	"waitlist_waiting" integer NOT NULL,
	"jobs_backlog" integer NOT NULL,
	"jobs_dead" integer NOT NULL,
	"jobs" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics"."top_events" (
	"metric" text NOT NULL,
	"event_id" uuid NOT NULL,
	"organizer_id" uuid,
	"title" text NOT NULL,
	"currency" text NOT NULL,
	"seats_sold" integer NOT NULL,
	"revenue_cents" bigint NOT NULL,
	"capacity" integer NOT NULL,
	"overall_rank" integer NOT NULL,
	"organizer_rank" integer NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "top_events_pk" PRIMARY KEY("metric","event_id"),
	CONSTRAINT "top_events_metric_check" CHECK ("analytics"."top_events"."metric" in ('seats', 'revenue'))
);
--> statement-breakpoint
CREATE INDEX "daily_stats_event_id_date_idx" ON "analytics"."daily_stats" USING btree ("event_id","date");--> statement-breakpoint
CREATE INDEX "daily_stats_organizer_id_date_idx" ON "analytics"."daily_stats" USING btree ("organizer_id","date");--> statement-breakpoint
CREATE INDEX "event_log_event_id_applied_at_idx" ON "analytics"."event_log" USING btree ("event_id","applied_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "event_stats_organizer_id_idx" ON "analytics"."event_stats" USING btree ("organizer_id");--> statement-breakpoint
CREATE INDEX "reconciliations_checked_at_idx" ON "analytics"."reconciliations" USING btree ("checked_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "system_metrics_captured_at_idx" ON "analytics"."system_metrics" USING btree ("captured_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "top_events_metric_overall_rank_idx" ON "analytics"."top_events" USING btree ("metric","overall_rank");--> statement-breakpoint
CREATE INDEX "top_events_metric_organizer_rank_idx" ON "analytics"."top_events" USING btree ("metric","organizer_id","organizer_rank");