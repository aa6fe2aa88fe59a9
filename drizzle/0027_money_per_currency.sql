CREATE TABLE "payments"."reconciliations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"orders_checked" integer NOT NULL,
	"payments_checked" integer NOT NULL,
	"mismatches" integer NOT NULL,
	"details" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "analytics"."daily_stats" ADD COLUMN "currency" text DEFAULT 'USD' NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics"."daily_stats" ADD COLUMN "refunds_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics"."event_stats" ADD COLUMN "gross_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics"."event_stats" ADD COLUMN "refunds_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "payment_reconciliations_checked_at_idx" ON "payments"."reconciliations" USING btree ("checked_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "daily_stats_currency_date_idx" ON "analytics"."daily_stats" USING btree ("currency","date");--> statement-breakpoint
ALTER TABLE "analytics"."system_metrics" DROP COLUMN "revenue_cents";--> statement-breakpoint
-- Backfill: daily rows take their event's currency; a cancellation before this migration gave its money back, so it counts as a refund.
UPDATE "analytics"."daily_stats" d SET "currency" = s."currency", "refunds_cents" = d."revenue_cancelled_cents" FROM "analytics"."event_stats" s WHERE s."event_id" = d."event_id";--> statement-breakpoint
UPDATE "analytics"."event_stats" s SET "refunds_cents" = c."cancelled", "gross_cents" = s."revenue_cents" + c."cancelled" FROM (SELECT "event_id", sum("revenue_cancelled_cents") AS "cancelled" FROM "analytics"."daily_stats" GROUP BY "event_id") c WHERE c."event_id" = s."event_id";--> statement-breakpoint
UPDATE "analytics"."event_stats" SET "gross_cents" = "revenue_cents" WHERE "gross_cents" = 0;
