import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { pgSchema } from "drizzle-orm/pg-core";

export const bookingsSchema = pgSchema("bookings");

export const inventoryStatus = bookingsSchema.enum("inventory_status", ["draft", "published", "cancelled"]);
export const bookingStatus = bookingsSchema.enum("booking_status", ["confirmed", "cancelled"]);
export const bookingSource = bookingsSchema.enum("booking_source", ["direct", "waitlist"]);
export const cancelledBy = bookingsSchema.enum("cancelled_by", ["holder", "organizer", "admin", "event_cancelled"]);
export const waitlistStatus = bookingsSchema.enum("waitlist_status", ["waiting", "booked", "left", "closed"]);
export const auditAction = bookingsSchema.enum("audit_action", [
  "booking.created",
  "booking.cancelled",
  "waitlist.joined",
  "waitlist.promoted",
  "waitlist.priority_changed",
  "waitlist.left",
  "waitlist.closed",
]);

export type InventoryStatus = (typeof inventoryStatus.enumValues)[number];
export type BookingStatus = (typeof bookingStatus.enumValues)[number];
export type BookingSource = (typeof bookingSource.enumValues)[number];
export type CancelledBy = (typeof cancelledBy.enumValues)[number];
export type WaitlistStatus = (typeof waitlistStatus.enumValues)[number];
export type AuditAction = (typeof auditAction.enumValues)[number];

/**
 * The seat counter of one event: the only row the booking hot path locks, kept in step with the
 * events domain by upsertEventInventory so booking never reads another schema. `held` seats were
 * released while people waited: only the waitlist may take them, until promotion hands back
 * what fits nobody. The checks are the last line of defence against overselling.
 */
export const eventInventory = bookingsSchema.table(
  "event_inventory",
  {
    eventId: uuid("event_id").primaryKey(),
    organizerId: uuid("organizer_id").notNull(),
    capacity: integer("capacity").notNull(),
    sold: integer("sold").notNull().default(0),
    held: integer("held").notNull().default(0),
    perUserLimit: integer("per_user_limit").notNull().default(10),
    priceCents: integer("price_cents").notNull(),
    currency: text("currency").notNull(),
    status: inventoryStatus("status").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("event_inventory_organizer_id_idx").on(t.organizerId),
    check("event_inventory_sold_within_capacity", sql`${t.sold} >= 0 and ${t.held} >= 0 and ${t.sold} + ${t.held} <= ${t.capacity}`),
    check("event_inventory_per_user_limit_positive", sql`${t.perUserLimit} >= 1`),
  ],
);

export const bookings = bookingsSchema.table(
  "bookings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id").notNull(),
    userId: uuid("user_id").notNull(),
    quantity: integer("quantity").notNull(),
    status: bookingStatus("status").notNull().default("confirmed"),
    totalCents: integer("total_cents").notNull(),
    currency: text("currency").notNull(),
    source: bookingSource("source").notNull().default("direct"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelledBy: cancelledBy("cancelled_by"),
  },
  (t) => [
    index("bookings_event_id_status_idx").on(t.eventId, t.status),
    index("bookings_user_id_created_at_idx").on(t.userId, t.createdAt.desc(), t.id.desc()),
    index("bookings_created_at_idx").on(t.createdAt),
    index("bookings_cancelled_at_idx").on(t.cancelledAt),
    check("bookings_quantity_positive", sql`${t.quantity} >= 1`),
  ],
);

/** One row per seat; the ticket code is what the door scans, so it is random and unique. */
export const bookingItems = bookingsSchema.table(
  "booking_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bookingId: uuid("booking_id")
      .notNull()
      .references(() => bookings.id),
    ticketCode: text("ticket_code").notNull(),
  },
  (t) => [uniqueIndex("booking_items_ticket_code_unique").on(t.ticketCode), index("booking_items_booking_id_idx").on(t.bookingId)],
);

/**
 * Confirmed seats per (event, user): the per-user cap is decided on this row, which the booking
 * statement locks and checks, so two racing bookings by one user cannot both pass it.
 * `seat_limit` is the cap when the row last grew.
 */
export const seatHoldings = bookingsSchema.table(
  "seat_holdings",
  {
    eventId: uuid("event_id").notNull(),
    userId: uuid("user_id").notNull(),
    seats: integer("seats").notNull(),
    seatLimit: integer("seat_limit").notNull(),
  },
  (t) => [
    primaryKey({ name: "seat_holdings_pk", columns: [t.eventId, t.userId] }),
    index("seat_holdings_user_id_idx").on(t.userId),
    check("seat_holdings_within_limit", sql`${t.seats} >= 0 and ${t.seats} <= ${t.seatLimit}`),
  ],
);

export const waitlistEntries = bookingsSchema.table(
  "waitlist_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id").notNull(),
    userId: uuid("user_id").notNull(),
    quantity: integer("quantity").notNull(),
    priority: integer("priority").notNull().default(0),
    status: waitlistStatus("status").notNull().default("waiting"),
    bookingId: uuid("booking_id").references(() => bookings.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("waitlist_entries_one_waiting_per_user").on(t.eventId, t.userId).where(sql`${t.status} = 'waiting'`),
    index("waitlist_entries_serving_order_idx")
      .on(t.eventId, t.priority.desc(), t.createdAt, t.id)
      .where(sql`${t.status} = 'waiting'`),
    index("waitlist_entries_user_id_idx").on(t.userId, t.createdAt.desc()),
    index("waitlist_entries_booking_id_idx").on(t.bookingId),
    check("waitlist_entries_quantity_range", sql`${t.quantity} between 1 and 10`),
  ],
);

/** Every booking and waitlist state change, written in the transaction that made it. */
export const auditLog = bookingsSchema.table(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id").notNull(),
    bookingId: uuid("booking_id"),
    waitlistEntryId: uuid("waitlist_entry_id"),
    action: auditAction("action").notNull(),
    /** Null when the system acted (a job). */
    actorId: uuid("actor_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_booking_id_at_idx").on(t.bookingId, t.at),
    index("audit_log_waitlist_entry_id_at_idx").on(t.waitlistEntryId, t.at),
    index("audit_log_event_id_at_idx").on(t.eventId, t.at),
    // The daily retention purge deletes by age.
    index("audit_log_at_idx").on(t.at),
  ],
);

/**
 * The answer given to a booking request, per (user, key): `{ booking }` or `{ error }` in domain
 * terms, so a replay means the same whatever the face. A row exists only once the answer is
 * known: the booking statement inserts it together with the booking, so a crash leaves either
 * both or neither; a racing duplicate collides on the primary key and replays the winner's row.
 */
export const idempotencyKeys = bookingsSchema.table(
  "idempotency_keys",
  {
    userId: uuid("user_id").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    outcome: jsonb("outcome").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "idempotency_keys_pk", columns: [t.userId, t.key] }),
    index("idempotency_keys_created_at_idx").on(t.createdAt),
  ],
);

export type EventInventory = typeof eventInventory.$inferSelect;
export type BookingRow = typeof bookings.$inferSelect;
export type WaitlistEntryRow = typeof waitlistEntries.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;
