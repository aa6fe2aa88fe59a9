import type { Actor, UserActor } from "@/lib/domain/context";
import { Forbidden, Unauthenticated } from "@/lib/domain/errors";

/**
 * The one policy module: every route handler, server action, page and use case asks it.
 * Resources carry only the ownership facts a rule needs, so no domain leaks its rows here.
 */
export type Action =
  | "event:create"
  | "event:manage"
  | "event:publish"
  | "booking:create"
  | "booking:view"
  | "booking:cancel"
  | "booking:audit"
  | "waitlist:join"
  | "waitlist:manage"
  | "waitlist:leave"
  | "analytics:read"
  | "analytics:system"
  | "account:manage"
  | "user:manage"
  | "security-log:read"
  | "jobs:manage"
  | "retention:apply"
  | "dev-mailbox:read"
  | "webhook:create"
  | "checkin:scan"
  | "checkin:undo";

export type Resource = { organizerId?: string | null; userId?: string | null };

const isOwner = (actor: UserActor, r?: Resource) => r?.organizerId != null && r.organizerId === actor.userId;
const isHolder = (actor: UserActor, r?: Resource) => r?.userId != null && r.userId === actor.userId;

const RULES: Record<Action, (actor: UserActor, resource?: Resource) => boolean> = {
  "event:create": (a) => a.role === "organizer" && a.emailVerified,
  "event:manage": (a, r) => isOwner(a, r),
  // Checked besides event:manage: only a proven mailbox may put an event in front of the public.
  "event:publish": (a) => a.emailVerified,
  "booking:create": (a) => a.emailVerified,
  "booking:view": (a, r) => isHolder(a, r) || isOwner(a, r),
  "booking:cancel": (a, r) => isHolder(a, r) || isOwner(a, r),
  "booking:audit": (a, r) => isOwner(a, r),
  "waitlist:join": (a) => a.emailVerified,
  "waitlist:manage": (a, r) => isOwner(a, r),
  "waitlist:leave": (a, r) => isHolder(a, r) || isOwner(a, r),
  "analytics:read": (a, r) => (r ? isOwner(a, r) : a.role === "organizer"),
  "analytics:system": () => false,
  "account:manage": () => true,
  "user:manage": () => false,
  "security-log:read": () => false,
  "jobs:manage": () => false,
  "retention:apply": () => false,
  "dev-mailbox:read": () => false,
  // Which endpoint is whose is decided in lib/domain/webhooks/endpoint-access.ts.
  "webhook:create": (a) => a.role === "organizer",
  // The event's owner today; organization roles (check-in staff: scan only) come with organizations.
  "checkin:scan": (a, r) => isOwner(a, r),
  "checkin:undo": (a, r) => isOwner(a, r),
};

/**
 * What an API token never does, whatever its scopes: manage the account behind it (so a leaked
 * token cannot mint more tokens or lock its owner out) or act as an admin.
 */
const SESSION_ONLY: ReadonlySet<Action> = new Set(["account:manage", "user:manage", "security-log:read", "jobs:manage", "retention:apply", "dev-mailbox:read"]);

export function can(actor: Actor, action: Action, resource?: Resource): boolean {
  if (actor.type === "system") return true;
  if (actor.type !== "user") return false;
  if (actor.apiToken && SESSION_ONLY.has(action)) return false;
  if (actor.role === "admin") return true;
  return RULES[action](actor, resource);
}

const NOT_VERIFIED_MESSAGE: Partial<Record<Action, string>> = {
  "booking:create": "Verify your email address before booking.",
  "waitlist:join": "Verify your email address before booking.",
  "event:create": "Verify your email address before creating or publishing events.",
  "event:publish": "Verify your email address before creating or publishing events.",
};

/**
 * Throws when `can` says no: 401 for anonymous callers, `EMAIL_NOT_VERIFIED` where only the
 * missing verification stands in the way, 403 otherwise. Callers that must not reveal a
 * resource catch this and answer NotFound instead.
 */
export function authorize(actor: Actor, action: Action, resource?: Resource): asserts actor is UserActor | { type: "system" } {
  if (can(actor, action, resource)) return;
  if (actor.type !== "user") throw new Unauthenticated();
  if (actor.apiToken && SESSION_ONLY.has(action)) throw new Forbidden("INSUFFICIENT_SCOPE", "An API token cannot do this; sign in instead.");
  if (!actor.emailVerified && RULES[action]({ ...actor, emailVerified: true }, resource)) {
    throw new Forbidden("EMAIL_NOT_VERIFIED", NOT_VERIFIED_MESSAGE[action] ?? "Verify your email address first.");
  }
  throw new Forbidden();
}
