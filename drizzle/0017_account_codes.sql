CREATE TYPE "auth"."account_code_purpose" AS ENUM('password_reset', 'email_change');--> statement-breakpoint
ALTER TYPE "auth"."security_event_type" ADD VALUE 'password_reset';--> statement-breakpoint
ALTER TYPE "auth"."security_event_type" ADD VALUE 'password_changed';--> statement-breakpoint
ALTER TYPE "auth"."security_event_type" ADD VALUE 'email_changed';--> statement-breakpoint
ALTER TYPE "auth"."security_event_type" ADD VALUE 'account_deleted';--> statement-breakpoint
CREATE TABLE "auth"."account_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" "auth"."account_code_purpose" NOT NULL,
	"code_hash" text NOT NULL,
	"new_email" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "auth"."users" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "auth"."account_codes" ADD CONSTRAINT "account_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "account_codes_user_id_purpose_unique" ON "auth"."account_codes" USING btree ("user_id","purpose");