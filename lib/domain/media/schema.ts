import { sql } from "drizzle-orm";
import { check, customType, integer, pgSchema, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const mediaSchema = pgSchema("media");

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/** One uploaded image: the size of its (auto-rotated) original and the widths it was resized to. */
export const images = mediaSchema.table(
  "images",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    widths: integer("widths").array().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("images_size_positive", sql`${t.width} > 0 and ${t.height} > 0`)],
);

/** The Postgres image store (MEDIA_STORE=postgres): one row per encoded variant. */
export const imageFiles = mediaSchema.table("image_files", {
  key: text("key").primaryKey(),
  contentType: text("content_type").notNull(),
  bytes: bytea("bytes").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
