import type { Actor, MemberRole, UserActor } from "@/lib/domain/context";
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
  | "webhook:manage"
  | "checkin:scan"
  | "checkin:undo"
  | "order:view"
  | "order:refund"
  | "payments:admin"
  | "attendees:message"
  | "attendees:export"
  | "organization:view"
  | "organization:manage"
  | "organization-token:manage"
  | "ticket:manage";

/**
 * `organizationId` is the organization the resource belongs to: when set, membership and role
 * decide; `organizerId` (the user who created it) decides only for resources outside any
 * organization.
 */
export type Resource = { organizerId?: string | null; organizationId?: string | null; userId?: string | null };

/**
 * What each organization role may do on the organization's resources. Owners everything;
 * managers run events (orders, refunds, analytics, check-in, messages) and the webhooks that
 * connect them to other systems (an integration is part of running events); check-in staff only
 * scan tickets; finance sees orders and money (refunds, analytics, exports).
 */
const ROLE_ACTIONS: Record<MemberRole, ReadonlySet<Action>> = {
  owner: new Set<Action>([
    "event:create",
    "event:manage",
    "booking:view",
    "booking:cancel",
    "booking:audit",
    "waitlist:manage",
    "waitlist:leave",
    "analytics:read",
    "webhook:manage",
    "checkin:scan",
    "checkin:undo",
    "order:view",
    "order:refund",
    "attendees:message",
    "attendees:export",
    "organization:view",
    "organization:manage",
    "organization-token:manage",
  ]),
  manager: new Set<Action>([
    "event:create",
    "event:manage",
    "booking:view",
    "booking:cancel",
    "booking:audit",
    "waitlist:manage",
    "waitlist:leave",
    "analytics:read",
    "webhook:manage",
    "checkin:scan",
    "checkin:undo",
    "order:view",
    "order:refund",
    "attendees:message",
    "organization:view",
  ]),
  checkin: new Set<Action>(["checkin:scan", "organization:view"]),
  finance: new Set<Action>(["booking:view", "booking:audit", "analytics:read", "order:view", "order:refund", "attendees:export", "organization:view"]),
};

function roleIn(actor: UserActor, organizationId: string): MemberRole | undefined {
  return actor.memberships?.find((m) => m.organizationId === organizationId)?.role;
}

/** Whether the caller may do `action` to the resource as its organization's member, or as its organizer when it has no organization. */
function mayAsTeam(action: Action, actor: UserActor, r?: Resource): boolean {
  if (r?.organizationId != null) {
    const role = roleIn(actor, r.organizationId);
    return role !== undefined && ROLE_ACTIONS[role].has(action);
  }
  return r?.organizerId != null && r.organizerId === actor.userId;
}

/** Without a resource: whether any of the caller's roles grants the action somewhere. */
function mayInSomeOrganization(action: Action, actor: UserActor): boolean {
  return (actor.memberships ?? []).some((m) => ROLE_ACTIONS[m.role].has(action));
}

const isHolder = (actor: UserActor, r?: Resource) => r?.userId != null && r.userId === actor.userId;

const RULES: Record<Action, (actor: UserActor, resource?: Resource) => boolean> = {
  // In a chosen organization its role decides; otherwise any organization that lets the caller create, or the organizer role.
  "event:create": (a, r) =>
    a.emailVerified && (r?.organizationId != null ? mayAsTeam("event:create", a, r) : a.role === "organizer" || mayInSomeOrganization("event:create", a)),
  "event:manage": (a, r) => mayAsTeam("event:manage", a, r),
  // Checked besides event:manage: only a proven mailbox may put an event in front of the public.
  "event:publish": (a) => a.emailVerified,
  "booking:create": (a) => a.emailVerified,
  "booking:view": (a, r) => isHolder(a, r) || mayAsTeam("booking:view", a, r),
  "booking:cancel": (a, r) => isHolder(a, r) || mayAsTeam("booking:cancel", a, r),
  "booking:audit": (a, r) => mayAsTeam("booking:audit", a, r),
  "waitlist:join": (a) => a.emailVerified,
  "waitlist:manage": (a, r) => mayAsTeam("waitlist:manage", a, r),
  "waitlist:leave": (a, r) => isHolder(a, r) || mayAsTeam("waitlist:leave", a, r),
  "analytics:read": (a, r) => (r ? mayAsTeam("analytics:read", a, r) : a.role === "organizer" || mayInSomeOrganization("analytics:read", a)),
  "analytics:system": () => false,
  "account:manage": () => true,
  "user:manage": () => false,
  "security-log:read": () => false,
  "jobs:manage": () => false,
  "retention:apply": () => false,
  "dev-mailbox:read": () => false,
  // Add, list, delete, redeliver, test-send; which endpoints a caller sees is built from this in lib/domain/webhooks/endpoint-access.ts.
  "webhook:manage": (a, r) => (r ? mayAsTeam("webhook:manage", a, r) : mayInSomeOrganization("webhook:manage", a)),
  "checkin:scan": (a, r) => mayAsTeam("checkin:scan", a, r),
  "checkin:undo": (a, r) => mayAsTeam("checkin:undo", a, r),
  "order:view": (a, r) => mayAsTeam("order:view", a, r),
  "order:refund": (a, r) => mayAsTeam("order:refund", a, r),
  "payments:admin": () => false,
  "attendees:message": (a, r) => mayAsTeam("attendees:message", a, r),
  "attendees:export": (a, r) => mayAsTeam("attendees:export", a, r),
  "organization:view": (a, r) => r?.organizationId != null && mayAsTeam("organization:view", a, r),
  "organization:manage": (a, r) => r?.organizationId != null && mayAsTeam("organization:manage", a, r),
  "organization-token:manage": (a, r) => r?.organizationId != null && mayAsTeam("organization-token:manage", a, r),
  // Naming and handing on a ticket is the buyer's: the organizer sees tickets, not whose they are to be.
  "ticket:manage": (a, r) => isHolder(a, r),
};

/**
 * What an API token never does, whatever its scopes: manage the account behind it (so a leaked
 * token cannot mint more tokens or lock its owner out) or act as an admin.
 */
const SESSION_ONLY: ReadonlySet<Action> = new Set([
  "account:manage",
  "user:manage",
  "security-log:read",
  "jobs:manage",
  "retention:apply",
  "dev-mailbox:read",
  "organization-token:manage",
]);

/** What needs a person behind it: an organization's token holds no tickets and joins no waitlist. */
const PERSON_ONLY: ReadonlySet<Action> = new Set(["booking:create", "waitlist:join", "ticket:manage"]);

const isOrganizationToken = (actor: UserActor) => actor.apiToken?.organizationId !== undefined;

export function can(actor: Actor, action: Action, resource?: Resource): boolean {
  if (actor.type === "system") return true;
  if (actor.type !== "user") return false;
  if (actor.apiToken && SESSION_ONLY.has(action)) return false;
  if (isOrganizationToken(actor) && PERSON_ONLY.has(action)) return false;
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
  if (isOrganizationToken(actor) && PERSON_ONLY.has(action)) throw new Forbidden("FORBIDDEN", "An organization token acts for the organization, not a person: use a personal token to book.");
  if (!actor.emailVerified && RULES[action]({ ...actor, emailVerified: true }, resource)) {
    throw new Forbidden("EMAIL_NOT_VERIFIED", NOT_VERIFIED_MESSAGE[action] ?? "Verify your email address first.");
  }
  throw new Forbidden();
}
