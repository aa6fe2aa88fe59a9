ALTER TABLE "bookings"."idempotency_keys" ADD COLUMN "outcome" jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings"."idempotency_keys" DROP COLUMN "response_status";--> statement-breakpoint
ALTER TABLE "bookings"."idempotency_keys" DROP COLUMN "response_body";