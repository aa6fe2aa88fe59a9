ALTER TYPE "organizations"."membership_change" ADD VALUE 'token_created';--> statement-breakpoint
ALTER TYPE "organizations"."membership_change" ADD VALUE 'token_revoked';--> statement-breakpoint
CREATE TABLE "organizations"."organization_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"last_used_ip" text,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid
);
--> statement-breakpoint
ALTER TABLE "organizations"."membership_log" ADD COLUMN "subject_token_id" uuid;--> statement-breakpoint
ALTER TABLE "organizations"."membership_log" ADD COLUMN "subject_token_name" text;--> statement-breakpoint
ALTER TABLE "organizations"."organization_tokens" ADD CONSTRAINT "organization_tokens_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "organizations"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organization_tokens_token_hash_key" ON "organizations"."organization_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "organization_tokens_organization_id_idx" ON "organizations"."organization_tokens" USING btree ("organization_id","created_at" DESC NULLS LAST) WHERE "organizations"."organization_tokens"."revoked_at" is null;