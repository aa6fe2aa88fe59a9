CREATE TYPE "bookings"."payment_status" AS ENUM('pending', 'succeeded', 'failed', 'refunded');--> statement-breakpoint
ALTER TYPE "bookings"."audit_action" ADD VALUE 'order.paid';--> statement-breakpoint
ALTER TYPE "bookings"."audit_action" ADD VALUE 'order.expired';--> statement-breakpoint
ALTER TYPE "bookings"."audit_action" ADD VALUE 'order.refunded';--> statement-breakpoint
ALTER TYPE "bookings"."audit_action" ADD VALUE 'order.promo_applied';--> statement-breakpoint
-- The new statuses are used by partial indexes below, in this same transaction, which a value
-- added with ADD VALUE cannot be (Postgres refuses it until commit): the type is recreated.
ALTER TYPE "bookings"."booking_status" RENAME TO "booking_status_before_orders";--> statement-breakpoint
CREATE TYPE "bookings"."booking_status" AS ENUM('confirmed', 'cancelled', 'awaiting_payment', 'expired', 'refunded');--> statement-breakpoint
ALTER TABLE "bookings"."bookings" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "bookings"."bookings" ALTER COLUMN "status" SET DATA TYPE "bookings"."booking_status" USING "status"::text::"bookings"."booking_status";--> statement-breakpoint
ALTER TABLE "bookings"."bookings" ALTER COLUMN "status" SET DEFAULT 'confirmed';--> statement-breakpoint
DROP TYPE "bookings"."booking_status_before_orders";--> statement-breakpoint
CREATE TABLE "bookings"."order_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"ticket_type_id" uuid NOT NULL,
	"name" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_cents" integer NOT NULL,
	CONSTRAINT "order_lines_quantity_positive" CHECK ("bookings"."order_lines"."quantity" >= 1),
	CONSTRAINT "order_lines_unit_price_not_negative" CHECK ("bookings"."order_lines"."unit_price_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "bookings"."promo_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"code" text NOT NULL,
	"percent_off" integer,
	"amount_off_cents" integer,
	"max_uses" integer,
	"uses" integer DEFAULT 0 NOT NULL,
	"valid_from" timestamp with time zone,
	"valid_until" timestamp with time zone,
	"ticket_type_ids" uuid[],
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "promo_codes_one_discount" CHECK (("bookings"."promo_codes"."percent_off" is null) <> ("bookings"."promo_codes"."amount_off_cents" is null)),
	CONSTRAINT "promo_codes_percent_range" CHECK ("bookings"."promo_codes"."percent_off" is null or "bookings"."promo_codes"."percent_off" between 1 and 100),
	CONSTRAINT "promo_codes_amount_positive" CHECK ("bookings"."promo_codes"."amount_off_cents" is null or "bookings"."promo_codes"."amount_off_cents" >= 1),
	CONSTRAINT "promo_codes_uses_within_max" CHECK ("bookings"."promo_codes"."uses" >= 0 and ("bookings"."promo_codes"."max_uses" is null or "bookings"."promo_codes"."uses" <= "bookings"."promo_codes"."max_uses")),
	CONSTRAINT "promo_codes_validity_window" CHECK ("bookings"."promo_codes"."valid_from" is null or "bookings"."promo_codes"."valid_until" is null or "bookings"."promo_codes"."valid_from" < "bookings"."promo_codes"."valid_until")
);
--> statement-breakpoint
CREATE TABLE "bookings"."ticket_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"price_cents" integer NOT NULL,
	"capacity" integer,
	"sold" integer DEFAULT 0 NOT NULL,
	"sales_start_at" timestamp with time zone,
	"sales_end_at" timestamp with time zone,
	"per_order_max" integer DEFAULT 10 NOT NULL,
	"hidden" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"retired_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ticket_types_sold_within_capacity" CHECK ("bookings"."ticket_types"."sold" >= 0 and ("bookings"."ticket_types"."capacity" is null or "bookings"."ticket_types"."sold" <= "bookings"."ticket_types"."capacity")),
	CONSTRAINT "ticket_types_price_not_negative" CHECK ("bookings"."ticket_types"."price_cents" >= 0),
	CONSTRAINT "ticket_types_capacity_positive" CHECK ("bookings"."ticket_types"."capacity" is null or "bookings"."ticket_types"."capacity" >= 1),
	CONSTRAINT "ticket_types_per_order_max_range" CHECK ("bookings"."ticket_types"."per_order_max" between 1 and 10),
	CONSTRAINT "ticket_types_sales_window" CHECK ("bookings"."ticket_types"."sales_start_at" is null or "bookings"."ticket_types"."sales_end_at" is null or "bookings"."ticket_types"."sales_start_at" < "bookings"."ticket_types"."sales_end_at")
);
--> statement-breakpoint
ALTER TABLE "bookings"."booking_items" ADD COLUMN "ticket_type_id" uuid;--> statement-breakpoint
ALTER TABLE "bookings"."bookings" ADD COLUMN "subtotal_cents" integer;--> statement-breakpoint
ALTER TABLE "bookings"."bookings" ADD COLUMN "discount_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings"."bookings" ADD COLUMN "promo_code_id" uuid;--> statement-breakpoint
ALTER TABLE "bookings"."bookings" ADD COLUMN "promo_code" text;--> statement-breakpoint
ALTER TABLE "bookings"."bookings" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bookings"."bookings" ADD COLUMN "paid_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bookings"."bookings" ADD COLUMN "payment_provider" text;--> statement-breakpoint
ALTER TABLE "bookings"."bookings" ADD COLUMN "payment_status" "bookings"."payment_status";--> statement-breakpoint
ALTER TABLE "bookings"."bookings" ADD COLUMN "checkout_url" text;--> statement-breakpoint
ALTER TABLE "bookings"."event_inventory" ADD COLUMN "hold_minutes" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "events"."events" ADD COLUMN "hold_minutes" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
-- Every existing event sells one type, "General admission", from its capacity and price; every
-- existing booking becomes an order of that type.
INSERT INTO "bookings"."ticket_types" ("event_id", "name", "price_cents", "sold", "per_order_max", "position", "created_at", "updated_at")
SELECT "event_id", 'General admission', "price_cents", "sold", 10, 0, now(), now() FROM "bookings"."event_inventory";--> statement-breakpoint
UPDATE "bookings"."bookings" SET "subtotal_cents" = "total_cents";--> statement-breakpoint
ALTER TABLE "bookings"."bookings" ALTER COLUMN "subtotal_cents" SET NOT NULL;--> statement-breakpoint
INSERT INTO "bookings"."order_lines" ("booking_id", "ticket_type_id", "name", "quantity", "unit_price_cents")
SELECT b."id", t."id", t."name", b."quantity", b."total_cents" / b."quantity"
FROM "bookings"."bookings" b JOIN "bookings"."ticket_types" t ON t."event_id" = b."event_id";--> statement-breakpoint
UPDATE "bookings"."booking_items" i SET "ticket_type_id" = t."id"
FROM "bookings"."bookings" b JOIN "bookings"."ticket_types" t ON t."event_id" = b."event_id"
WHERE b."id" = i."booking_id";--> statement-breakpoint
ALTER TABLE "bookings"."booking_items" ALTER COLUMN "ticket_type_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings"."order_lines" ADD CONSTRAINT "order_lines_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "bookings"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings"."order_lines" ADD CONSTRAINT "order_lines_ticket_type_id_ticket_types_id_fk" FOREIGN KEY ("ticket_type_id") REFERENCES "bookings"."ticket_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings"."promo_codes" ADD CONSTRAINT "promo_codes_event_id_event_inventory_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "bookings"."event_inventory"("event_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings"."ticket_types" ADD CONSTRAINT "ticket_types_event_id_event_inventory_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "bookings"."event_inventory"("event_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "order_lines_booking_id_ticket_type_id_unique" ON "bookings"."order_lines" USING btree ("booking_id","ticket_type_id");--> statement-breakpoint
CREATE INDEX "order_lines_ticket_type_id_idx" ON "bookings"."order_lines" USING btree ("ticket_type_id");--> statement-breakpoint
CREATE UNIQUE INDEX "promo_codes_event_id_code_unique" ON "bookings"."promo_codes" USING btree ("event_id",lower("code"));--> statement-breakpoint
CREATE INDEX "ticket_types_event_id_position_idx" ON "bookings"."ticket_types" USING btree ("event_id","position","id");--> statement-breakpoint
ALTER TABLE "bookings"."booking_items" ADD CONSTRAINT "booking_items_ticket_type_id_ticket_types_id_fk" FOREIGN KEY ("ticket_type_id") REFERENCES "bookings"."ticket_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings"."bookings" ADD CONSTRAINT "bookings_promo_code_id_promo_codes_id_fk" FOREIGN KEY ("promo_code_id") REFERENCES "bookings"."promo_codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "booking_items_ticket_type_id_idx" ON "bookings"."booking_items" USING btree ("ticket_type_id");--> statement-breakpoint
CREATE INDEX "bookings_awaiting_payment_expires_at_idx" ON "bookings"."bookings" USING btree ("event_id","expires_at") WHERE "bookings"."bookings"."status" = 'awaiting_payment';--> statement-breakpoint
CREATE INDEX "bookings_expires_at_idx" ON "bookings"."bookings" USING btree ("expires_at") WHERE "bookings"."bookings"."status" = 'awaiting_payment';--> statement-breakpoint
CREATE INDEX "bookings_promo_code_id_idx" ON "bookings"."bookings" USING btree ("promo_code_id");--> statement-breakpoint
ALTER TABLE "bookings"."bookings" ADD CONSTRAINT "bookings_money_adds_up" CHECK ("bookings"."bookings"."discount_cents" >= 0 and "bookings"."bookings"."total_cents" = "bookings"."bookings"."subtotal_cents" - "bookings"."bookings"."discount_cents" and "bookings"."bookings"."total_cents" >= 0);--> statement-breakpoint
ALTER TABLE "bookings"."event_inventory" ADD CONSTRAINT "event_inventory_hold_minutes_range" CHECK ("bookings"."event_inventory"."hold_minutes" between 1 and 60);