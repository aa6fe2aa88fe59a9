ALTER TABLE "payments"."payments" ADD COLUMN "confirmed_order" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Backfill: a payment that succeeded confirmed its order unless it was refunded as a late payment (refund-due) or as a second payment of an order already paid.
UPDATE "payments"."payments" p SET "confirmed_order" = true WHERE p."status" IN ('succeeded', 'refunded') AND NOT EXISTS (SELECT 1 FROM "payments"."refunds" r WHERE r."payment_id" = p."id" AND (r."idempotency_key" LIKE 'refund-due:%' OR r."idempotency_key" LIKE 'second-payment:%'));
