CREATE TYPE "bookings"."attendee_message_audience" AS ENUM('all', 'ticket_type');--> statement-breakpoint
CREATE TYPE "bookings"."attendee_message_status" AS ENUM('sending', 'sent');--> statement-breakpoint
ALTER TYPE "bookings"."audit_action" ADD VALUE 'ticket.renamed';--> statement-breakpoint
ALTER TYPE "bookings"."audit_action" ADD VALUE 'ticket.transferred';--> statement-breakpoint
CREATE TABLE "bookings"."attendee_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"sender_id" uuid NOT NULL,
	"audience" "bookings"."attendee_message_audience" NOT NULL,
	"ticket_type_id" uuid,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" "bookings"."attendee_message_status" DEFAULT 'sending' NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "attendee_messages_audience_type" CHECK (("bookings"."attendee_messages"."audience" = 'ticket_type') = ("bookings"."attendee_messages"."ticket_type_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "bookings"."booking_items" ADD COLUMN "attendee_name" text;--> statement-breakpoint
ALTER TABLE "bookings"."booking_items" ADD COLUMN "holder_email" text;--> statement-breakpoint
ALTER TABLE "bookings"."event_inventory" ADD COLUMN "name_change_deadline" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bookings"."event_inventory" ADD COLUMN "transfers_allowed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "events"."events" ADD COLUMN "name_change_deadline" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "events"."events" ADD COLUMN "transfers_allowed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "events"."events" ADD COLUMN "cancellation_reason" text;--> statement-breakpoint
ALTER TABLE "bookings"."attendee_messages" ADD CONSTRAINT "attendee_messages_event_id_event_inventory_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "bookings"."event_inventory"("event_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings"."attendee_messages" ADD CONSTRAINT "attendee_messages_ticket_type_id_ticket_types_id_fk" FOREIGN KEY ("ticket_type_id") REFERENCES "bookings"."ticket_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendee_messages_event_id_created_at_idx" ON "bookings"."attendee_messages" USING btree ("event_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "attendee_messages_ticket_type_id_idx" ON "bookings"."attendee_messages" USING btree ("ticket_type_id");