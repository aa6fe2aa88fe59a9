import { defineConfig } from "drizzle-kit";

// Only `generate` is used: migrations are applied by lib/db/migrate.ts, so no credentials here.
export default defineConfig({
  dialect: "postgresql",
  schema: ["./lib/domain/*/schema.ts", "./lib/jobs/schema.ts", "./lib/mail/schema.ts"],
  out: "./drizzle",
  schemaFilter: ["auth", "events", "bookings", "analytics", "media", "platform", "webhooks", "payments", "organizations"],
});
