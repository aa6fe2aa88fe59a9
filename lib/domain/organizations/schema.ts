import { sql } from "drizzle-orm";
import { index, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const organizationsSchema = pgSchema("organizations");

/** What a member may do is decided by lib/domain/auth/policy.ts from this role. */
export const memberRole = organizationsSchema.enum("member_role", ["owner", "manager", "checkin", "finance"]);

export const membershipChange = organizationsSchema.enum("membership_change", [
  "founded",
  "invited",
  "invitation_revoked",
  "joined",
  "role_changed",
  "removed",
  "token_created",
  "token_revoked",
]);

export const organizations = organizationsSchema.table(
  "organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** The organizer it was founded for: at most one each, so founding on first use cannot run twice. */
    founderId: uuid("founder_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("organizations_founder_id_key").on(t.founderId)],
);

export const memberships = organizationsSchema.table(
  "memberships",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull(),
    role: memberRole("role").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.userId], name: "memberships_pkey" }),
    // The one query behind every request: the caller's memberships.
    index("memberships_user_id_idx").on(t.userId),
  ],
);

export const invitations = organizationsSchema.table(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Lower-cased: only the account with this address may accept. */
    email: text("email").notNull(),
    role: memberRole("role").notNull(),
    invitedBy: uuid("invited_by").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("invitations_organization_id_idx").on(t.organizationId, t.createdAt),
    // One open invitation per address and organization: inviting again renews it.
    uniqueIndex("invitations_open_email_key")
      .on(t.organizationId, t.email)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
  ],
);

/** The audit log of every membership change: who did what to whom, and when. */
export const membershipLog = organizationsSchema.table(
  "membership_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Null when the system acted (founding, the migration). */
    actorId: uuid("actor_id"),
    change: membershipChange("change").notNull(),
    subjectUserId: uuid("subject_user_id"),
    subjectEmail: text("subject_email"),
    role: memberRole("role"),
    previousRole: memberRole("previous_role"),
    /** For token_created / token_revoked: which organization token, named as it was then. */
    subjectTokenId: uuid("subject_token_id"),
    subjectTokenName: text("subject_token_name"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("membership_log_organization_id_at_idx").on(t.organizationId, t.at)],
);

/**
 * API tokens that belong to the organization rather than to a person (pretix's team tokens):
 * they act as a manager of this organization only, and outlive whoever created them, so the
 * creator is a plain id with no foreign key. Only the sha256 of the secret is stored.
 */
export const organizationTokens = organizationsSchema.table(
  "organization_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    scopes: text("scopes").array().notNull(),
    /** The owner who created it; may since have left or erased their account. */
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    lastUsedIp: text("last_used_ip"),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: uuid("revoked_by"),
  },
  (t) => [
    uniqueIndex("organization_tokens_token_hash_key").on(t.tokenHash),
    index("organization_tokens_organization_id_idx").on(t.organizationId, t.createdAt.desc()).where(sql`${t.revokedAt} is null`),
  ],
);

export type OrganizationTokenRow = typeof organizationTokens.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;
