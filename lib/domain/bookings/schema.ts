import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { pgSchema } from "drizzle-orm/pg-core";

export const bookingsSchema = pgSchema("bookings");

export const inventoryStatus = bookingsSchema.enum("inventory_status", ["draft", "published", "cancelled"]);
/**
 * An order's life (a booking is an order): `awaiting_payment` holds its seats until paid
 * (`confirmed`) or until `expires_at` (`expired`); `cancelled` by buyer, organizer or the event;
 * `refunded` once its money went back.
 */
export const bookingStatus = bookingsSchema.enum("booking_status", ["confirmed", "cancelled", "awaiting_payment", "expired", "refunded"]);
/** What the payment provider last said about an order's payment. */
export const paymentStatus = bookingsSchema.enum("payment_status", ["pending", "succeeded", "failed", "refunded"]);
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
  "order.paid",
  "order.expired",
  "order.refunded",
  "order.promo_applied",
  "ticket.renamed",
  "ticket.transferred",
  "checkin.undone",
]);

export type InventoryStatus = (typeof inventoryStatus.enumValues)[number];
export type BookingStatus = (typeof bookingStatus.enumValues)[number];
export type PaymentStatus = (typeof paymentStatus.enumValues)[number];
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
    /** The event's organization, mirrored like the rest, so orders are authorized without another schema. */
    organizationId: uuid("organization_id"),
    capacity: integer("capacity").notNull(),
    sold: integer("sold").notNull().default(0),
    held: integer("held").notNull().default(0),
    perUserLimit: integer("per_user_limit").notNull().default(10),
    /** How long an unpaid order holds its seats (1–60 minutes). */
    holdMinutes: integer("hold_minutes").notNull().default(10),
    priceCents: integer("price_cents").notNull(),
    currency: text("currency").notNull(),
    status: inventoryStatus("status").notNull(),
    /** Mirrors of the event's ticket rules: names change until then (null: until the start), transfers on or off. */
    nameChangeDeadline: timestamp("name_change_deadline", { withTimezone: true }),
    transfersAllowed: boolean("transfers_allowed").notNull().default(false),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("event_inventory_organizer_id_idx").on(t.organizerId),
    check("event_inventory_sold_within_capacity", sql`${t.sold} >= 0 and ${t.held} >= 0 and ${t.sold} + ${t.held} <= ${t.capacity}`),
    check("event_inventory_per_user_limit_positive", sql`${t.perUserLimit} >= 1`),
    check("event_inventory_hold_minutes_range", sql`${t.holdMinutes} between 1 and 60`),
  ],
);

/**
 * What an event sells. `sold` counts the seats of confirmed and awaiting-payment orders of this
 * type; `capacity` null means the type shares the event's capacity only (the event's row always
 * caps the sum of all types: a quota, as pretix calls it). The check is the last line of
 * defence against overselling a type. Retired types stay for the orders that name them.
 */
export const ticketTypes = bookingsSchema.table(
  "ticket_types",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => eventInventory.eventId),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    priceCents: integer("price_cents").notNull(),
    capacity: integer("capacity"),
    sold: integer("sold").notNull().default(0),
    salesStartAt: timestamp("sales_start_at", { withTimezone: true }),
    salesEndAt: timestamp("sales_end_at", { withTimezone: true }),
    perOrderMax: integer("per_order_max").notNull().default(10),
    hidden: boolean("hidden").notNull().default(false),
    /** Order on the event page, ascending. */
    position: integer("position").notNull().default(0),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("ticket_types_event_id_position_idx").on(t.eventId, t.position, t.id),
    check("ticket_types_sold_within_capacity", sql`${t.sold} >= 0 and (${t.capacity} is null or ${t.sold} <= ${t.capacity})`),
    check("ticket_types_price_not_negative", sql`${t.priceCents} >= 0`),
    check("ticket_types_capacity_positive", sql`${t.capacity} is null or ${t.capacity} >= 1`),
    check("ticket_types_per_order_max_range", sql`${t.perOrderMax} between 1 and 10`),
    check("ticket_types_sales_window", sql`${t.salesStartAt} is null or ${t.salesEndAt} is null or ${t.salesStartAt} < ${t.salesEndAt}`),
  ],
);

/**
 * A discount an organizer hands out. `uses` counts orders that are confirmed or still awaiting
 * payment with it; an expired or abandoned order gives its use back. The check makes
 * `max_uses` exact under any concurrency. Codes match case-insensitively (the unique index is
 * on lower(code)). A code restricted to ticket types also unlocks those of them that are hidden.
 */
export const promoCodes = bookingsSchema.table(
  "promo_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => eventInventory.eventId),
    code: text("code").notNull(),
    percentOff: integer("percent_off"),
    amountOffCents: integer("amount_off_cents"),
    maxUses: integer("max_uses"),
    uses: integer("uses").notNull().default(0),
    validFrom: timestamp("valid_from", { withTimezone: true }),
    validUntil: timestamp("valid_until", { withTimezone: true }),
    /** Null: every type of the event. */
    ticketTypeIds: uuid("ticket_type_ids").array(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("promo_codes_event_id_code_unique").on(t.eventId, sql`lower(${t.code})`),
    check("promo_codes_one_discount", sql`(${t.percentOff} is null) <> (${t.amountOffCents} is null)`),
    check("promo_codes_percent_range", sql`${t.percentOff} is null or ${t.percentOff} between 1 and 100`),
    check("promo_codes_amount_positive", sql`${t.amountOffCents} is null or ${t.amountOffCents} >= 1`),
    check("promo_codes_uses_within_max", sql`${t.uses} >= 0 and (${t.maxUses} is null or ${t.uses} <= ${t.maxUses})`),
    check("promo_codes_validity_window", sql`${t.validFrom} is null or ${t.validUntil} is null or ${t.validFrom} < ${t.validUntil}`),
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
    /** Before the discount; `total_cents` is what the buyer pays. */
    subtotalCents: integer("subtotal_cents").notNull(),
    discountCents: integer("discount_cents").notNull().default(0),
    totalCents: integer("total_cents").notNull(),
    currency: text("currency").notNull(),
    promoCodeId: uuid("promo_code_id").references(() => promoCodes.id),
    /** The code as the buyer typed it, for receipts. */
    promoCode: text("promo_code"),
    source: bookingSource("source").notNull().default("direct"),
    /** Until when an awaiting-payment order holds its seats. */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    paymentProvider: text("payment_provider"),
    paymentStatus: paymentStatus("payment_status"),
    checkoutUrl: text("checkout_url"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelledBy: cancelledBy("cancelled_by"),
  },
  (t) => [
    // Holds that lapsed: what the availability figure discounts and the expiry job sweeps.
    index("bookings_awaiting_payment_expires_at_idx").on(t.eventId, t.expiresAt).where(sql`${t.status} = 'awaiting_payment'`),
    index("bookings_expires_at_idx").on(t.expiresAt).where(sql`${t.status} = 'awaiting_payment'`),
    index("bookings_promo_code_id_idx").on(t.promoCodeId),
    check("bookings_money_adds_up", sql`${t.discountCents} >= 0 and ${t.totalCents} = ${t.subtotalCents} - ${t.discountCents} and ${t.totalCents} >= 0`),
    index("bookings_event_id_status_idx").on(t.eventId, t.status),
    index("bookings_user_id_created_at_idx").on(t.userId, t.createdAt.desc(), t.id.desc()),
    index("bookings_created_at_idx").on(t.createdAt),
    index("bookings_cancelled_at_idx").on(t.cancelledAt),
    check("bookings_quantity_positive", sql`${t.quantity} >= 1`),
  ],
);

/** What an order bought, per ticket type, at the price and name it had then. */
export const orderLines = bookingsSchema.table(
  "order_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bookingId: uuid("booking_id")
      .notNull()
      .references(() => bookings.id),
    ticketTypeId: uuid("ticket_type_id")
      .notNull()
      .references(() => ticketTypes.id),
    name: text("name").notNull(),
    quantity: integer("quantity").notNull(),
    unitPriceCents: integer("unit_price_cents").notNull(),
  },
  (t) => [
    uniqueIndex("order_lines_booking_id_ticket_type_id_unique").on(t.bookingId, t.ticketTypeId),
    index("order_lines_ticket_type_id_idx").on(t.ticketTypeId),
    check("order_lines_quantity_positive", sql`${t.quantity} >= 1`),
    check("order_lines_unit_price_not_negative", sql`${t.unitPriceCents} >= 0`),
  ],
);

/**
 * One row per seat (a ticket); the ticket code is what the door scans, so it is random and unique.
 * `checked_in_at` is set once, by the conditional update in check-in-ticket.ts, so one ticket
 * gets in once whatever the number of doors; an undo clears it again (and is audited).
 */
export const bookingItems = bookingsSchema.table(
  "booking_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bookingId: uuid("booking_id")
      .notNull()
      .references(() => bookings.id),
    ticketTypeId: uuid("ticket_type_id")
      .notNull()
      .references(() => ticketTypes.id),
    ticketCode: text("ticket_code").notNull(),
    /** Who will use the seat, as the buyer named them; null until named. */
    attendeeName: text("attendee_name"),
    /** Set once the ticket was transferred: the email of its holder, who is no longer the buyer. */
    holderEmail: text("holder_email"),
    /** When the ticket was scanned at the door (for a scan queued offline: when it was scanned, not synced). */
    checkedInAt: timestamp("checked_in_at", { withTimezone: true }),
    /** Who scanned it (a user of the auth domain; null when the system did). */
    checkedInBy: uuid("checked_in_by"),
  },
  (t) => [
    uniqueIndex("booking_items_ticket_code_unique").on(t.ticketCode),
    index("booking_items_booking_id_idx").on(t.bookingId),
    index("booking_items_ticket_type_id_idx").on(t.ticketTypeId),
    // Arrivals per 10 minutes read the checked-in tickets by time.
    index("booking_items_checked_in_at_idx").on(t.checkedInAt).where(sql`${t.checkedInAt} is not null`),
  ],
);

export const attendeeMessageAudience = bookingsSchema.enum("attendee_message_audience", ["all", "ticket_type"]);
export const attendeeMessageStatus = bookingsSchema.enum("attendee_message_status", ["sending", "sent"]);

/**
 * What an organizer wrote to an event's ticket holders: the sent-messages list. `recipients`
 * counts the mails sent so far by the job that delivers it batch by batch.
 */
export const attendeeMessages = bookingsSchema.table(
  "attendee_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => eventInventory.eventId),
    senderId: uuid("sender_id").notNull(),
    audience: attendeeMessageAudience("audience").notNull(),
    /** Set when the audience is one ticket type. */
    ticketTypeId: uuid("ticket_type_id").references(() => ticketTypes.id),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    status: attendeeMessageStatus("status").notNull().default("sending"),
    recipients: integer("recipients").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("attendee_messages_event_id_created_at_idx").on(t.eventId, t.createdAt.desc()),
    index("attendee_messages_ticket_type_id_idx").on(t.ticketTypeId),
    check("attendee_messages_audience_type", sql`(${t.audience} = 'ticket_type') = (${t.ticketTypeId} is not null)`),
  ],
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
export type TicketTypeRow = typeof ticketTypes.$inferSelect;
export type PromoCodeRow = typeof promoCodes.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;
export type AttendeeMessageRow = typeof attendeeMessages.$inferSelect;
