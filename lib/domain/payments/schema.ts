import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgSchema, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const paymentsSchema = pgSchema("payments");

/** What a provider said about one attempt to pay; `refunded` once its money went back. */
export const paymentAttemptStatus = paymentsSchema.enum("payment_attempt_status", ["pending", "succeeded", "failed", "refunded"]);
export const refundStatus = paymentsSchema.enum("refund_status", ["pending", "succeeded", "failed"]);

export type PaymentAttemptStatus = (typeof paymentAttemptStatus.enumValues)[number];
export type RefundStatus = (typeof refundStatus.enumValues)[number];

/**
 * One attempt to pay an order at a provider (a card tried on the pay page, a Stripe
 * PaymentIntent). `provider_ref` is the provider's id of the attempt, unique per provider, so a
 * repeated notification finds the row it already made. `order_id` names a bookings order
 * (no foreign key across schemas).
 */
export const payments = paymentsSchema.table(
  "payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id").notNull(),
    provider: text("provider").notNull(),
    providerRef: text("provider_ref").notNull(),
    amountCents: integer("amount_cents").notNull(),
    currency: text("currency").notNull(),
    status: paymentAttemptStatus("status").notNull().default("pending"),
    failureReason: text("failure_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    succeededAt: timestamp("succeeded_at", { withTimezone: true }),
    failedAt: timestamp("failed_at", { withTimezone: true }),
    /**
     * This payment's money confirmed its order: the sale analytics counts as gross, so only its
     * refunds are taken off again. A late payment refunded because the seats were gone, or a
     * second payment of an order already paid, never confirmed anything.
     */
    confirmedOrder: boolean("confirmed_order").notNull().default(false),
  },
  (t) => [
    uniqueIndex("payments_provider_provider_ref_unique").on(t.provider, t.providerRef),
    index("payments_order_id_idx").on(t.orderId),
    index("payments_status_idx").on(t.status),
    // The admin payments list: newest first.
    index("payments_created_at_idx").on(t.createdAt),
    check("payments_amount_not_negative", sql`${t.amountCents} >= 0`),
  ],
);

/**
 * Every provider notification accepted (signature valid), once: the unique key is what makes a
 * repeated delivery a no-op. `processed_at` is set in the transaction that applied it.
 */
export const notifications = paymentsSchema.table(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    provider: text("provider").notNull(),
    notificationId: text("notification_id").notNull(),
    type: text("type").notNull(),
    orderId: uuid("order_id"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("notifications_provider_notification_id_unique").on(t.provider, t.notificationId),
    index("notifications_order_id_idx").on(t.orderId),
  ],
);

/**
 * Money sent back for a payment. `idempotency_key` is unique and is the key the provider gets,
 * so a refund asked for twice (a retried job, a cancel racing a late payment) is made once.
 */
export const refunds = paymentsSchema.table(
  "refunds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    paymentId: uuid("payment_id")
      .notNull()
      .references(() => payments.id),
    orderId: uuid("order_id").notNull(),
    provider: text("provider").notNull(),
    amountCents: integer("amount_cents").notNull(),
    currency: text("currency").notNull(),
    reason: text("reason").notNull(),
    /** Whether the refund undoes the order (its tickets stop being valid) or only gives money back while the tickets stand (a partial refund). */
    returnsOrder: boolean("returns_order").notNull().default(true),
    idempotencyKey: text("idempotency_key").notNull(),
    providerRef: text("provider_ref"),
    status: refundStatus("status").notNull().default("pending"),
    failureReason: text("failure_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    succeededAt: timestamp("succeeded_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("refunds_idempotency_key_unique").on(t.idempotencyKey),
    index("refunds_payment_id_idx").on(t.paymentId),
    index("refunds_order_id_idx").on(t.orderId),
    index("refunds_status_idx").on(t.status),
    // The admin payments list: newest first.
    index("refunds_created_at_idx").on(t.createdAt),
    check("refunds_amount_positive", sql`${t.amountCents} >= 1`),
  ],
);

export const paymentMismatchKinds = ["paid_order_without_payment", "payment_without_order", "payment_order_not_confirmed", "amount_mismatch"] as const;
export type PaymentMismatchKind = (typeof paymentMismatchKinds)[number];
export type PaymentMismatch = { kind: PaymentMismatchKind; orderId: string; paymentId: string | null; detail: string };

/**
 * Each payment reconciliation's outcome: confirmed paid orders against succeeded payments.
 * Expected `mismatches`: 0. Read by the admin panel and the `payments_reconciliation_mismatches` gauge.
 */
export const paymentReconciliations = paymentsSchema.table(
  "reconciliations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    checkedAt: timestamp("checked_at", { withTimezone: true }).notNull(),
    ordersChecked: integer("orders_checked").notNull(),
    paymentsChecked: integer("payments_checked").notNull(),
    mismatches: integer("mismatches").notNull(),
    details: jsonb("details").$type<PaymentMismatch[]>().notNull(),
  },
  (t) => [index("payment_reconciliations_checked_at_idx").on(t.checkedAt.desc())],
);
