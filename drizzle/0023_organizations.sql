CREATE SCHEMA "organizations";
--> statement-breakpoint
CREATE TYPE "organizations"."member_role" AS ENUM('owner', 'manager', 'checkin', 'finance');--> statement-breakpoint
CREATE TYPE "organizations"."membership_change" AS ENUM('founded', 'invited', 'invitation_revoked', 'joined', 'role_changed', 'removed');--> statement-breakpoint
CREATE TABLE "organizations"."invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" "organizations"."member_role" NOT NULL,
	"invited_by" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organizations"."membership_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"actor_id" uuid,
	"change" "organizations"."membership_change" NOT NULL,
	"subject_user_id" uuid,
	"subject_email" text,
	"role" "organizations"."member_role",
	"previous_role" "organizations"."member_role",
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organizations"."memberships" (
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "organizations"."member_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_pkey" PRIMARY KEY("organization_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "organizations"."organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"founder_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bookings"."event_inventory" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
ALTER TABLE "events"."events" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
ALTER TABLE "organizations"."invitations" ADD CONSTRAINT "invitations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "organizations"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations"."membership_log" ADD CONSTRAINT "membership_log_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "organizations"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations"."memberships" ADD CONSTRAINT "memberships_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "organizations"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invitations_organization_id_idx" ON "organizations"."invitations" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_open_email_key" ON "organizations"."invitations" USING btree ("organization_id","email") WHERE "organizations"."invitations"."accepted_at" is null and "organizations"."invitations"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "membership_log_organization_id_at_idx" ON "organizations"."membership_log" USING btree ("organization_id","at");--> statement-breakpoint
CREATE INDEX "memberships_user_id_idx" ON "organizations"."memberships" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_founder_id_key" ON "organizations"."organizations" USING btree ("founder_id");--> statement-breakpoint
CREATE INDEX "events_organization_starts_at_idx" ON "events"."events" USING btree ("organization_id","starts_at","id");--> statement-breakpoint
-- Backfill: every organizer, and every user who organizes events, gets an organization of their own (as its owner) and their events move into it.
INSERT INTO "organizations"."organizations" ("name", "founder_id")
SELECT coalesce(nullif(u."name", '') || '''s organization', 'My organization'), f."id"
FROM (
  SELECT "id" FROM "auth"."users" WHERE "role" = 'organizer'
  UNION
  SELECT DISTINCT "organizer_id" FROM "events"."events"
) f
LEFT JOIN "auth"."users" u ON u."id" = f."id"
ON CONFLICT ("founder_id") DO NOTHING;--> statement-breakpoint
INSERT INTO "organizations"."memberships" ("organization_id", "user_id", "role")
SELECT "id", "founder_id", 'owner' FROM "organizations"."organizations" WHERE "founder_id" IS NOT NULL
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "organizations"."membership_log" ("organization_id", "change", "subject_user_id", "role")
SELECT "id", 'founded', "founder_id", 'owner' FROM "organizations"."organizations" WHERE "founder_id" IS NOT NULL;--> statement-breakpoint
UPDATE "events"."events" e SET "organization_id" = o."id" FROM "organizations"."organizations" o WHERE o."founder_id" = e."organizer_id";--> statement-breakpoint
UPDATE "bookings"."event_inventory" i SET "organization_id" = o."id" FROM "organizations"."organizations" o WHERE o."founder_id" = i."organizer_id";
