import { sql, type SQL } from "drizzle-orm";
import { boolean, check, customType, index, integer, jsonb, pgSchema, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { ImageRef } from "@/lib/domain/media";

export const eventsSchema = pgSchema("events");

/** Stored states only: "past" is derived from ends_at at read time, never written. */
export const eventStatus = eventsSchema.enum("event_status", ["draft", "published", "cancelled"]);
export type EventStatus = (typeof eventStatus.enumValues)[number];

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * The search document: title weighs most, then venue, then description. 'english' stems
 * ("concerts" finds "concert"); the query side uses the same configuration. Accents are folded
 * by events.fold_accents (drizzle/0013_unaccent.sql, an immutable unaccent wrapper), so
 * "cafe" finds "Café"; the query side folds the same way.
 */
const searchDocument: SQL = sql`setweight(to_tsvector('english', events.fold_accents(coalesce(title, ''))), 'A') || setweight(to_tsvector('english', events.fold_accents(coalesce(venue, ''))), 'B') || setweight(to_tsvector('english', events.fold_accents(coalesce(description, ''))), 'C')`;

export const events = eventsSchema.table(
  "events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizerId: uuid("organizer_id").notNull(),
    /** The organization whose members manage it; null only for events made outside any (jobs, seeds). */
    organizationId: uuid("organization_id"),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    venue: text("venue").notNull(),
    category: text("category").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    capacity: integer("capacity").notNull(),
    priceCents: integer("price_cents").notNull(),
    currency: text("currency").notNull(),
    /** IANA zone the event happens in: times are stored in UTC and shown in this zone. */
    timezone: text("timezone").notNull().default("UTC"),
    perUserLimit: integer("per_user_limit").notNull().default(10),
    /** How long an unpaid order holds its seats (1–60 minutes). */
    holdMinutes: integer("hold_minutes").notNull().default(10),
    /**
     * Buyers may cancel a paid order themselves, for a full refund, until this many hours before
     * the start; null offers no self-service refund (the organizer still refunds by hand).
     */
    refundHoursBeforeStart: integer("refund_hours_before_start"),
    status: eventStatus("status").notNull().default("draft"),
    /** The cover image as the media domain described it when attached (its id, size and widths). */
    coverImage: jsonb("cover_image").$type<ImageRef>(),
    /** Where an online event is joined; only ticket holders, the organizer and admins may read it. */
    onlineUrl: text("online_url"),
    /** Until when buyers may change their tickets' attendee names; null means until the event starts. */
    nameChangeDeadline: timestamp("name_change_deadline", { withTimezone: true }),
    /** Whether holders may hand a ticket to someone else (a new code is issued, the old one stops working). */
    transfersAllowed: boolean("transfers_allowed").notNull().default(false),
    /** What the organizer told attendees when cancelling; every cancellation email carries it. */
    cancellationReason: text("cancellation_reason"),
    version: integer("version").notNull().default(1),
    search: tsvector("search").notNull().generatedAlwaysAs(searchDocument),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Public browse: published events in (starts_at, id) keyset order.
    index("events_published_starts_at_idx").on(t.startsAt, t.id).where(sql`${t.status} = 'published'`),
    // Public browse by category, same order.
    index("events_published_category_starts_at_idx").on(t.category, t.startsAt, t.id).where(sql`${t.status} = 'published'`),
    // The longest published event bounds how far before `from` a still-running event can start,
    // which turns "ends after from" into an index range on starts_at (max() reads one entry).
    index("events_published_duration_idx").on(sql`(${t.endsAt} - ${t.startsAt})`).where(sql`${t.status} = 'published'`),
    // Organizer dashboard ("my events") and the organizer id seam for other domains.
    index("events_organizer_starts_at_idx").on(t.organizerId, t.startsAt, t.id),
    // The organization's dashboard: its events in the same order.
    index("events_organization_starts_at_idx").on(t.organizationId, t.startsAt, t.id),
    // Admin dashboard: every event in the same order.
    index("events_starts_at_idx").on(t.startsAt, t.id),
    index("events_search_idx").using("gin", t.search),
    check("events_time_order", sql`${t.endsAt} > ${t.startsAt}`),
    check("events_capacity_range", sql`${t.capacity} between 1 and 1000000`),
    check("events_price_nonnegative", sql`${t.priceCents} >= 0`),
    check("events_per_user_limit_range", sql`${t.perUserLimit} between 1 and 10`),
    check("events_currency_format", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("events_version_positive", sql`${t.version} >= 1`),
    check("events_refund_hours_range", sql`${t.refundHoursBeforeStart} between 0 and 8760`),
  ],
);

export type EventRow = typeof events.$inferSelect;
