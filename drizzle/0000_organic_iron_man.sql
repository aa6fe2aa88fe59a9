CREATE SCHEMA "platform";
--> statement-breakpoint
CREATE TABLE "platform"."mailbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dedupe_key" text NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"transport" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "mailbox_dedupe_key_unique" UNIQUE("dedupe_key"),
	CONSTRAINT "mailbox_transport_check" CHECK ("platform"."mailbox"."transport" in ('mailbox', 'smtp'))
);
--> statement-breakpoint
CREATE INDEX "mailbox_to_address_created_at_idx" ON "platform"."mailbox" USING btree ("to_address","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mailbox_created_at_idx" ON "platform"."mailbox" USING btree ("created_at");