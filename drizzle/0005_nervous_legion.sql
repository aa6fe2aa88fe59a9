CREATE SCHEMA "events";
--> statement-breakpoint
CREATE TYPE "events"."event_status" AS ENUM('draft', 'published', 'cancelled');--> statement-breakpoint
CREATE TABLE "events"."events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"venue" text NOT NULL,
	"category" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"price_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"per_user_limit" integer DEFAULT 10 NOT NULL,
	"status" "events"."event_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(venue, '')), 'B') || setweight(to_tsvector('english', coalesce(description, '')), 'C')) STORED NOT NULL,
	"published_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_time_order" CHECK ("events"."events"."ends_at" > "events"."events"."starts_at"),
	CONSTRAINT "events_capacity_range" CHECK ("events"."events"."capacity" between 1 and 1000000),
	CONSTRAINT "events_price_nonnegative" CHECK ("events"."events"."price_cents" >= 0),
	CONSTRAINT "events_per_user_limit_range" CHECK ("events"."events"."per_user_limit" between 1 and 10),
	CONSTRAINT "events_currency_format" CHECK ("events"."events"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "events_version_positive" CHECK ("events"."events"."version" >= 1)
);
--> statement-breakpoint
CREATE INDEX "events_published_starts_at_idx" ON "events"."events" USING btree ("starts_at","id") WHERE "events"."events"."status" = 'published';--> statement-breakpoint
CREATE INDEX "events_published_category_starts_at_idx" ON "events"."events" USING btree ("category","starts_at","id") WHERE "events"."events"."status" = 'published';--> statement-breakpoint
CREATE INDEX "events_published_duration_idx" ON "events"."events" USING btree (("ends_at" - "starts_at")) WHERE "events"."events"."status" = 'published';--> statement-breakpoint
CREATE INDEX "events_organizer_starts_at_idx" ON "events"."events" USING btree ("organizer_id","starts_at","id");--> statement-breakpoint
CREATE INDEX "events_starts_at_idx" ON "events"."events" USING btree ("starts_at","id");--> statement-breakpoint
CREATE INDEX "events_search_idx" ON "events"."events" USING gin ("search");