import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgSchema, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";

export const webhooksSchema = pgSchema("webhooks");

/**
 * pending: waiting for its first or next attempt; succeeded: a 2xx came back; failed: the last
 * attempt failed and another is scheduled; dead: no attempt will follow (retries spent, or the
 * endpoint was disabled or deleted). A redelivery puts any of them back to pending.
 */
export const deliveryStatus = webhooksSchema.enum("delivery_status", ["pending", "succeeded", "failed", "dead"]);
export type DeliveryStatus = (typeof deliveryStatus.enumValues)[number];

export const endpoints = webhooksSchema.table(
  "endpoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The user who created it; decides who manages it only when it has no organization (endpoint-access.ts). */
    ownerId: uuid("owner_id").notNull(),
    /**
     * The organization it belongs to: its members who may manage webhooks see and change it, and
     * it hears about that organization's events. Null for an admin's endpoint (allEvents) or one
     * whose creator had no organization when endpoints moved into organizations.
     */
    organizationId: uuid("organization_id"),
    /** Set for endpoints an admin creates: they hear about every event, not only their own. */
    allEvents: boolean("all_events").notNull().default(false),
    url: text("url").notNull(),
    eventTypes: text("event_types").array().notNull(),
    /** `whsec_…`: the receiver needs it to verify signatures, so it is kept readable, never listed. */
    secret: text("secret").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    /** The first failed attempt of the current unbroken run of failures; null after any success. */
    failingSince: timestamp("failing_since", { withTimezone: true }),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The list of endpoints without an organization, newest first, and their fan-out by organizer.
    index("endpoints_owner_created_idx").on(t.ownerId, t.createdAt, t.id),
    // The organization's list, newest first, and the fan-out's "which endpoints hear of this organization".
    index("endpoints_organization_created_idx").on(t.organizationId, t.createdAt, t.id),
    index("endpoints_enabled_all_events_idx").on(t.allEvents).where(sql`${t.enabled}`),
  ],
);

export const deliveries = webhooksSchema.table(
  "deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => endpoints.id, { onDelete: "cascade" }),
    /** The fact's id: sent as `webhook-id`, unchanged across retries and redeliveries. */
    messageId: text("message_id").notNull(),
    eventType: text("event_type").notNull(),
    /** The body as signed: `{ type, timestamp, data }`, stored so every attempt sends the same bytes. */
    payload: jsonb("payload").$type<{ type: string; timestamp: string; data: unknown }>().notNull(),
    status: deliveryStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    responseStatus: integer("response_status"),
    /** Why the last attempt failed when there was no HTTP answer (timeout, refused address). */
    lastError: text("last_error"),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    lastDurationMs: integer("last_duration_ms"),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One delivery per (endpoint, fact): a fan-out that runs twice creates nothing twice.
    unique("deliveries_endpoint_message_key").on(t.endpointId, t.messageId),
    // The endpoint's delivery log, newest first.
    index("deliveries_endpoint_created_idx").on(t.endpointId, t.createdAt, t.id),
    // Retention deletes settled deliveries by age.
    index("deliveries_settled_created_idx").on(t.createdAt).where(sql`${t.status} in ('succeeded', 'dead')`),
  ],
);

export type EndpointRow = typeof endpoints.$inferSelect;
export type DeliveryRow = typeof deliveries.$inferSelect;
