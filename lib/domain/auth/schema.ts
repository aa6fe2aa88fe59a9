import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgSchema, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const authSchema = pgSchema("auth");

export const userRole = authSchema.enum("user_role", ["attendee", "organizer", "admin"]);
export const sessionKind = authSchema.enum("session_kind", ["web", "api"]);
export const securityEventType = authSchema.enum("security_event_type", [
  "sign_in_succeeded",
  "sign_in_failed",
  "sign_in_rate_limited",
  "email_verified",
  "refresh_token_reused",
  "session_revoked",
  "role_changed",
  "password_reset",
  "password_changed",
  "email_changed",
  "account_deleted",
  "api_token_created",
  "api_token_revoked",
]);
export const accountCodePurpose = authSchema.enum("account_code_purpose", ["password_reset", "email_change"]);

/**
 * `email` is stored normalised (trimmed, lower case); the unique index on lower(email) keeps
 * one account per address even if a writer forgets to normalise.
 */
export const users = authSchema.table(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull().default("attendee"),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    /** Set when the owner deleted the account: the row stays, anonymised, for the bookings that point at it. */
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_lower_unique").on(sql`lower(${t.email})`),
    index("users_role_idx").on(t.role),
    index("users_created_at_id_idx").on(t.createdAt.desc(), t.id.desc()),
  ],
);

/**
 * One row per sign-in, web or API: the thing a user sees on their account page and revokes.
 * Web JWT cookies and API access tokens carry this id and are only honoured while the row is
 * neither revoked nor expired.
 */
export const userSessions = authSchema.table(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: sessionKind("kind").notNull(),
    userAgent: text("user_agent").notNull().default(""),
    ip: text("ip").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: text("revoked_reason"),
  },
  (t) => [index("user_sessions_user_id_idx").on(t.userId, t.lastSeenAt.desc()).where(sql`${t.revokedAt} is null`)],
);

/**
 * Opaque refresh tokens, kept only as sha256. A token is spent (`used_at`) the moment it is
 * exchanged; presenting a spent one again is reuse and kills its session.
 */
export const refreshTokens = authSchema.table(
  "refresh_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => userSessions.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("refresh_tokens_token_hash_unique").on(t.tokenHash), index("refresh_tokens_session_id_idx").on(t.sessionId)],
);

/** The one live email code of a user (a resend replaces it); HMAC-hashed, never stored in clear. */
export const verificationCodes = authSchema.table(
  "verification_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("verification_codes_user_id_unique").on(t.userId)],
);

/**
 * Codes for acts on an existing account (a password reset, a change of email), one live code per
 * user and purpose (a new request replaces it); HMAC-hashed like verification codes. `newEmail`
 * is the address an email change moves to once its code comes back.
 */
export const accountCodes = authSchema.table(
  "account_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: accountCodePurpose("purpose").notNull(),
    codeHash: text("code_hash").notNull(),
    newEmail: text("new_email"),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("account_codes_user_id_purpose_unique").on(t.userId, t.purpose)],
);

/** Append-only audit of what matters for account security, for admins. */
export const securityEvents = authSchema.table(
  "security_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    type: securityEventType("type").notNull(),
    userId: uuid("user_id"),
    actorId: uuid("actor_id"),
    sessionId: uuid("session_id"),
    email: text("email"),
    ip: text("ip").notNull().default(""),
    userAgent: text("user_agent").notNull().default(""),
    requestId: text("request_id").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("security_events_created_at_id_idx").on(t.createdAt.desc(), t.id.desc()),
    index("security_events_user_id_idx").on(t.userId),
    index("security_events_type_idx").on(t.type),
  ],
);

/**
 * Personal API tokens for integrations: only the sha256 of the secret is kept (the secret has
 * 256 random bits, so a fast hash is enough and lookups stay one index probe). `scopes` bounds
 * what the token may call; `last_used_*` is written at most once a minute per token.
 */
export const apiTokens = authSchema.table(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    scopes: text("scopes").array().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    lastUsedIp: text("last_used_ip"),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("api_tokens_token_hash_unique").on(t.tokenHash),
    index("api_tokens_user_id_idx").on(t.userId, t.createdAt.desc()).where(sql`${t.revokedAt} is null`),
  ],
);

export type UserRow = typeof users.$inferSelect;
export type UserSessionRow = typeof userSessions.$inferSelect;
export type AccountCodePurpose = (typeof accountCodePurpose.enumValues)[number];
export type SecurityEventType = (typeof securityEventType.enumValues)[number];
