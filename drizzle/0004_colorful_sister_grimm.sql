CREATE SCHEMA "bookings";
--> statement-breakpoint
CREATE TYPE "bookings"."audit_action" AS ENUM('booking.created', 'booking.cancelled', 'waitlist.joined', 'waitlist.promoted', 'waitlist.priority_changed', 'waitlist.left', 'waitlist.closed');--> statement-breakpoint
CREATE TYPE "bookings"."booking_source" AS ENUM('direct', 'waitlist');--> statement-breakpoint
CREATE TYPE "bookings"."booking_status" AS ENUM('confirmed', 'cancelled');--> statement-breakpoint
CREATE TYPE "bookings"."cancelled_by" AS ENUM('holder', 'organizer', 'admin', 'event_cancelled');--> statement-breakpoint
CREATE TYPE "bookings"."inventory_status" AS ENUM('draft', 'published', 'cancelled');--> statement-breakpoint
CREATE TYPE "bookings"."waitlist_status" AS ENUM('waiting', 'booked', 'left', 'closed');--> statement-breakpoint
CREATE TABLE "bookings"."audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"booking_id" uuid,
	"waitlist_entry_id" uuid,
	"action" "bookings"."audit_action" NOT NULL,
	"actor_id" uuid,
	"before" jsonb,
	"after" jsonb,
	"request_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bookings"."booking_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"ticket_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bookings"."bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"status" "bookings"."booking_status" DEFAULT 'confirmed' NOT NULL,
	"total_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"source" "bookings"."booking_source" DEFAULT 'direct' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" "bookings"."cancelled_by",
	CONSTRAINT "bookings_quantity_positive" CHECK ("bookings"."bookings"."quantity" >= 1)
);
--> statement-breakpoint
CREATE TABLE "bookings"."event_inventory" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"organizer_id" uuid NOT NULL,
	"capacity" integer NOT NULL,
	"sold" integer DEFAULT 0 NOT NULL,
	"held" integer DEFAULT 0 NOT NULL,
	"per_user_limit" integer DEFAULT 10 NOT NULL,
	"price_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"status" "bookings"."inventory_status" NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_inventory_sold_within_capacity" CHECK ("bookings"."event_inventory"."sold" >= 0 and "bookings"."event_inventory"."held" >= 0 and "bookings"."event_inventory"."sold" + "bookings"."event_inventory"."held" <= "bookings"."event_inventory"."capacity"),
	CONSTRAINT "event_inventory_per_user_limit_positive" CHECK ("bookings"."event_inventory"."per_user_limit" >= 1)
);
--> statement-breakpoint
CREATE TABLE "bookings"."idempotency_keys" (
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" integer NOT NULL,
	"response_body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE TABLE "bookings"."seat_holdings" (
	"event_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"seats" integer NOT NULL,
	"seat_limit" integer NOT NULL,
	CONSTRAINT "seat_holdings_pk" PRIMARY KEY("event_id","user_id"),
	CONSTRAINT "seat_holdings_within_limit" CHECK ("bookings"."seat_holdings"."seats" >= 0 and "bookings"."seat_holdings"."seats" <= "bookings"."seat_holdings"."seat_limit")
);
--> statement-breakpoint
CREATE TABLE "bookings"."waitlist_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"status" "bookings"."waitlist_status" DEFAULT 'waiting' NOT NULL,
	"booking_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waitlist_entries_quantity_range" CHECK ("bookings"."waitlist_entries"."quantity" between 1 and 10)
);
--> statement-breakpoint
ALTER TABLE "bookings"."booking_items" ADD CONSTRAINT "booking_items_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "bookings"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings"."waitlist_entries" ADD CONSTRAINT "waitlist_entries_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "bookings"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_booking_id_at_idx" ON "bookings"."audit_log" USING btree ("booking_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_waitlist_entry_id_at_idx" ON "bookings"."audit_log" USING btree ("waitlist_entry_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_event_id_at_idx" ON "bookings"."audit_log" USING btree ("event_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "booking_items_ticket_code_unique" ON "bookings"."booking_items" USING btree ("ticket_code");--> statement-breakpoint
CREATE INDEX "booking_items_booking_id_idx" ON "bookings"."booking_items" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "bookings_event_id_status_idx" ON "bookings"."bookings" USING btree ("event_id","status");--> statement-breakpoint
CREATE INDEX "bookings_user_id_created_at_idx" ON "bookings"."bookings" USING btree ("user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "bookings_created_at_idx" ON "bookings"."bookings" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "bookings_cancelled_at_idx" ON "bookings"."bookings" USING btree ("cancelled_at");--> statement-breakpoint
CREATE INDEX "event_inventory_organizer_id_idx" ON "bookings"."event_inventory" USING btree ("organizer_id");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_at_idx" ON "bookings"."idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "seat_holdings_user_id_idx" ON "bookings"."seat_holdings" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_entries_one_waiting_per_user" ON "bookings"."waitlist_entries" USING btree ("event_id","user_id") WHERE "bookings"."waitlist_entries"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "waitlist_entries_serving_order_idx" ON "bookings"."waitlist_entries" USING btree ("event_id","priority" DESC NULLS LAST,"created_at","id") WHERE "bookings"."waitlist_entries"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "waitlist_entries_user_id_idx" ON "bookings"."waitlist_entries" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "waitlist_entries_booking_id_idx" ON "bookings"."waitlist_entries" USING btree ("booking_id");