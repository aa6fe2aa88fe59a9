ALTER TYPE "bookings"."audit_action" ADD VALUE 'checkin.undone';--> statement-breakpoint
ALTER TABLE "bookings"."booking_items" ADD COLUMN "checked_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bookings"."booking_items" ADD COLUMN "checked_in_by" uuid;--> statement-breakpoint
CREATE INDEX "booking_items_checked_in_at_idx" ON "bookings"."booking_items" USING btree ("checked_in_at") WHERE "bookings"."booking_items"."checked_in_at" is not null;