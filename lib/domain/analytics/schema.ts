import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, jsonb, pgSchema, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Read models built from other domains' facts. Nothing here is a source of truth: every row can
 * be rebuilt from the bookings and events domains, and reconciliation checks it against them.
 */
export const analyticsSchema = pgSchema("analytics");

/**
 * One row per applied outbox event. Inserting it in the same statement as the aggregate delta
 * (ON CONFLICT DO NOTHING, apply only when inserted) is what makes every fact count exactly once,
 * whatever retries or concurrent deliveries happen.
 */
export const eventLog = analyticsSchema.table(
  "event_log",
  {
    outboxId: uuid("outbox_id").primaryKey(),
    name: text("name").notNull(),
    eventId: uuid("event_id"),
    appliedAt: timestamp("applied_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("event_log_event_id_applied_at_idx").on(t.eventId, t.appliedAt.desc()),
    // The daily retention purge deletes by age.
    index("event_log_applied_at_idx").on(t.appliedAt),
  ],
);

/**
 * Per-event totals, moved by deltas. Deliberately no index on the counters: every booking
 * updates this row, and an unindexed counter keeps that update cheap (HOT) on the hottest row.
 * Rankings sort these rows without an index (one row per event), or read `top_events`.
 */
export const eventStats = analyticsSchema.table(
  "event_stats",
  {
    eventId: uuid("event_id").primaryKey(),
    organizerId: uuid("organizer_id"),
    /**
     * The organization whose members read these figures, from the event's snapshots (booking
     * facts do not carry it). Daily rows are scoped through this row, so it is held once.
     */
    organizationId: uuid("organization_id"),
    title: text("title").notNull().default(""),
    capacity: integer("capacity").notNull().default(0),
    currency: text("currency").notNull().default("USD"),
    status: text("status"),
    startsAt: timestamp("starts_at", { withTimezone: true }),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    /** The events domain's version of the snapshot above, so a late, older fact cannot overwrite a newer one. */
    eventVersion: integer("event_version").notNull().default(0),
    seatsSold: integer("seats_sold").notNull().default(0),
    bookingsConfirmed: integer("bookings_confirmed").notNull().default(0),
    bookingsCancelled: integer("bookings_cancelled").notNull().default(0),
    /** Net money in the event's currency: `gross_cents - refunds_cents`. */
    revenueCents: bigint("revenue_cents", { mode: "number" }).notNull().default(0),
    /** Money taken for every sale ever confirmed (never reduced by a cancellation or refund). */
    grossCents: bigint("gross_cents", { mode: "number" }).notNull().default(0),
    /** Money given back by refunds of those sales, full or partial. */
    refundsCents: bigint("refunds_cents", { mode: "number" }).notNull().default(0),
    waitlistWaiting: integer("waitlist_waiting").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("event_stats_organizer_id_idx").on(t.organizerId), index("event_stats_organization_id_idx").on(t.organizationId)],
);

/**
 * Activity per UTC day and event. `bookings`, `seats_sold`, `revenue_cents` count bookings
 * confirmed that day (never reduced later); cancellations are counted on the day they happen,
 * with the seats and revenue they gave back, so net sales are `seats_sold - seats_cancelled`.
 * Refunds count on the day the money went back. `currency` is the event's: money rows are
 * only ever summed within one currency.
 */
export const dailyStats = analyticsSchema.table(
  "daily_stats",
  {
    date: date("date", { mode: "string" }).notNull(),
    eventId: uuid("event_id").notNull(),
    organizerId: uuid("organizer_id"),
    currency: text("currency").notNull().default("USD"),
    bookings: integer("bookings").notNull().default(0),
    seatsSold: integer("seats_sold").notNull().default(0),
    revenueCents: bigint("revenue_cents", { mode: "number" }).notNull().default(0),
    cancellations: integer("cancellations").notNull().default(0),
    seatsCancelled: integer("seats_cancelled").notNull().default(0),
    revenueCancelledCents: bigint("revenue_cancelled_cents", { mode: "number" }).notNull().default(0),
    refundsCents: bigint("refunds_cents", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    primaryKey({ name: "daily_stats_pk", columns: [t.date, t.eventId] }),
    index("daily_stats_event_id_date_idx").on(t.eventId, t.date),
    index("daily_stats_organizer_id_date_idx").on(t.organizerId, t.date),
    index("daily_stats_currency_date_idx").on(t.currency, t.date),
  ],
);

export const leaderboardMetrics = ["seats", "revenue"] as const;
export type LeaderboardMetric = (typeof leaderboardMetrics)[number];

/**
 * The platform-wide ranking, rebuilt every minute from event_stats: the top 100 events per
 * metric, so the admin dashboard reads a short index range instead of sorting every event.
 */
export const topEvents = analyticsSchema.table(
  "top_events",
  {
    metric: text("metric", { enum: leaderboardMetrics }).notNull(),
    eventId: uuid("event_id").notNull(),
    organizerId: uuid("organizer_id"),
    title: text("title").notNull(),
    currency: text("currency").notNull(),
    seatsSold: integer("seats_sold").notNull(),
    revenueCents: bigint("revenue_cents", { mode: "number" }).notNull(),
    capacity: integer("capacity").notNull(),
    rank: integer("overall_rank").notNull(),
    refreshedAt: timestamp("refreshed_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: "top_events_pk", columns: [t.metric, t.eventId] }),
    index("top_events_metric_overall_rank_idx").on(t.metric, t.rank),
    check("top_events_metric_check", sql`${t.metric} in ('seats', 'revenue')`),
  ],
);

export type JobHealthSnapshot = { backlog: number; dead: number; [key: string]: unknown };

/** Periodic snapshots of system-wide KPIs and job health, for trends on the admin panel (no money: one number cannot hold several currencies). */
export const systemMetrics = analyticsSchema.table(
  "system_metrics",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    capturedAt: timestamp("captured_at", { withTimezone: true }).notNull(),
    users: integer("users").notNull(),
    events: integer("events").notNull(),
    bookings: integer("bookings").notNull(),
    seatsSold: bigint("seats_sold", { mode: "number" }).notNull(),
    waitlistWaiting: integer("waitlist_waiting").notNull(),
    jobsBacklog: integer("jobs_backlog").notNull(),
    jobsDead: integer("jobs_dead").notNull(),
    jobs: jsonb("jobs").$type<JobHealthSnapshot>().notNull(),
  },
  (t) => [index("system_metrics_captured_at_idx").on(t.capturedAt.desc())],
);

export type DriftDetail = { eventId: string; field: string; expected: number; actual: number };

/** Each reconciliation's outcome: how many events' aggregates disagree with the bookings tables. */
export const reconciliations = analyticsSchema.table(
  "reconciliations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    checkedAt: timestamp("checked_at", { withTimezone: true }).notNull(),
    eventsChecked: integer("events_checked").notNull(),
    driftEvents: integer("drift_events").notNull(),
    details: jsonb("details").$type<DriftDetail[]>().notNull(),
  },
  (t) => [index("reconciliations_checked_at_idx").on(t.checkedAt.desc())],
);
