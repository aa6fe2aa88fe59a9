import type { DbOrTx } from "@/lib/db/client";
import type { Logger } from "@/lib/log/logger";

export type Role = "attendee" | "organizer" | "admin";

/** A member's role in an organization; lib/domain/auth/policy.ts says what each may do. */
export type MemberRole = "owner" | "manager" | "checkin" | "finance";
export type Membership = { organizationId: string; role: MemberRole };

/** Who is acting. Jobs act as `system`; anonymous visitors can still read public data. */
export type UserActor = {
  type: "user";
  userId: string;
  role: Role;
  emailVerified: boolean;
  /** The user_sessions row behind this request (web or API). */
  sessionId: string | null;
  /**
   * Set when the request came with a personal API token instead of a session: the token's
   * scopes bound which routes it reaches, and it may not manage the account that owns it.
   * `organizationId` marks an organization's token: then `userId` is the token's own id (so what
   * it does is recorded under the token), `memberships` is that one organization as manager,
   * and no person stands behind it.
   */
  apiToken?: { id: string; scopes: readonly string[]; organizationId?: string };
  /**
   * The organizations the user belongs to, loaded with the actor (one indexed query per request)
   * so the policy stays synchronous. Absent means none.
   */
  memberships?: readonly Membership[];
};
export type Actor = UserActor | { type: "anonymous" } | { type: "system" };

/** What every use case receives: `verb({ ctx, input })`. */
export type Ctx = {
  actor: Actor;
  db: DbOrTx;
  requestId: string;
  log: Logger;
  now: () => Date;
};

export const anonymous: Actor = { type: "anonymous" };
export const system: Actor = { type: "system" };
