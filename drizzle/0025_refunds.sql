ALTER TABLE "events"."events" ADD COLUMN "refund_hours_before_start" integer;--> statement-breakpoint
ALTER TABLE "payments"."refunds" ADD COLUMN "returns_order" boolean DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX "payments_created_at_idx" ON "payments"."payments" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "refunds_created_at_idx" ON "payments"."refunds" USING btree ("created_at");--> statement-breakpoint
ALTER TABLE "events"."events" ADD CONSTRAINT "events_refund_hours_range" CHECK ("events"."events"."refund_hours_before_start" between 0 and 8760);--> statement-breakpoint
-- Refunds recorded before the column: a second payment's refund left its order standing.
UPDATE "payments"."refunds" SET "returns_order" = false WHERE "idempotency_key" LIKE 'second-payment:%';
