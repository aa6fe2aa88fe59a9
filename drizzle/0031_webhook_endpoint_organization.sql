ALTER TABLE "webhooks"."endpoints" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
CREATE INDEX "endpoints_organization_created_idx" ON "webhooks"."endpoints" USING btree ("organization_id","created_at","id");--> statement-breakpoint
-- Backfill, one-off: the only statement of the webhooks domain that reads another schema (the
-- domain rule against cross-schema SQL holds for the code). An endpoint moves into the
-- organization its creator founded (where their events went in 0023), else the earliest one
-- they own. Admins' endpoints, which hear every event, stay without one.
UPDATE "webhooks"."endpoints" e
SET "organization_id" = coalesce(
  (SELECT o."id" FROM "organizations"."organizations" o WHERE o."founder_id" = e."owner_id"),
  (SELECT m."organization_id" FROM "organizations"."memberships" m WHERE m."user_id" = e."owner_id" AND m."role" = 'owner' ORDER BY m."created_at", m."organization_id" LIMIT 1)
)
WHERE NOT e."all_events" AND e."organization_id" IS NULL;
