import { describe, expect, it } from "vitest";
import type { MemberRole, UserActor } from "@/lib/domain/context";
import { can, type Action } from "./policy";

const ORG = "11111111-1111-4111-8111-111111111111";
const OTHER_ORG = "22222222-2222-4222-8222-222222222222";

const member = (role: MemberRole): UserActor => ({
  type: "user",
  userId: `${role}-member`,
  role: "attendee",
  emailVerified: true,
  sessionId: null,
  memberships: [{ organizationId: ORG, role }],
});

/** Every capability on an organization's resources, and which roles hold it. */
const MATRIX: Record<string, { action: Action; roles: MemberRole[] }> = {
  "create events": { action: "event:create", roles: ["owner", "manager"] },
  "edit, publish and cancel events": { action: "event:manage", roles: ["owner", "manager"] },
  "see any order": { action: "booking:view", roles: ["owner", "manager", "finance"] },
  "cancel any order": { action: "booking:cancel", roles: ["owner", "manager"] },
  "read the booking audit": { action: "booking:audit", roles: ["owner", "manager", "finance"] },
  "manage the waitlist": { action: "waitlist:manage", roles: ["owner", "manager"] },
  "remove waitlist entries": { action: "waitlist:leave", roles: ["owner", "manager"] },
  "read analytics": { action: "analytics:read", roles: ["owner", "manager", "finance"] },
  "add, see, redeliver and delete webhooks": { action: "webhook:manage", roles: ["owner", "manager"] },
  "scan tickets": { action: "checkin:scan", roles: ["owner", "manager", "checkin"] },
  "undo check-ins": { action: "checkin:undo", roles: ["owner", "manager"] },
  "list orders and attendees": { action: "order:view", roles: ["owner", "manager", "finance"] },
  "refund orders": { action: "order:refund", roles: ["owner", "manager", "finance"] },
  "message attendees": { action: "attendees:message", roles: ["owner", "manager"] },
  "export attendees and sales": { action: "attendees:export", roles: ["owner", "finance"] },
  "see the organization": { action: "organization:view", roles: ["owner", "manager", "checkin", "finance"] },
  "manage members and invitations": { action: "organization:manage", roles: ["owner"] },
  "create, list and revoke organization tokens": { action: "organization-token:manage", roles: ["owner"] },
  "see admin payment lists": { action: "payments:admin", roles: [] },
};

const ROLES: MemberRole[] = ["owner", "manager", "checkin", "finance"];

describe("organization roles", () => {
  for (const [capability, { action, roles }] of Object.entries(MATRIX)) {
    for (const role of ROLES) {
      const allowed = roles.includes(role);
      it(`${allowed ? "lets" : "does not let"} a ${role} ${capability} (${action}) in their organization`, () => {
        expect(can(member(role), action, { organizationId: ORG, organizerId: "someone-else" })).toBe(allowed);
      });
    }
    it(`lets no role ${capability} in another organization`, () => {
      for (const role of ROLES) expect(can(member(role), action, { organizationId: OTHER_ORG })).toBe(false);
    });
  }

  it("judges an organization's resource by membership alone: the member who created it and left has no say", () => {
    const creator: UserActor = { type: "user", userId: "creator", role: "organizer", emailVerified: true, sessionId: null, memberships: [] };
    expect(can(creator, "event:manage", { organizationId: ORG, organizerId: "creator" })).toBe(false);
    expect(can(creator, "event:manage", { organizerId: "creator" })).toBe(true);
  });

  it("lets admins do everything in any organization, and anonymous callers nothing", () => {
    const admin: UserActor = { type: "user", userId: "admin", role: "admin", emailVerified: true, sessionId: null };
    for (const { action } of Object.values(MATRIX)) {
      expect(can(admin, action, { organizationId: ORG })).toBe(true);
      expect(can({ type: "anonymous" }, action, { organizationId: ORG })).toBe(false);
    }
  });

  it("lets a manager without the organizer role create events, and check-in staff not", () => {
    expect(can(member("manager"), "event:create")).toBe(true);
    expect(can(member("checkin"), "event:create")).toBe(false);
    expect(can(member("finance"), "event:create")).toBe(false);
  });

  it("lets owners and managers add webhooks without naming an organization, and check-in staff and finance not", () => {
    expect(can(member("owner"), "webhook:manage")).toBe(true);
    expect(can(member("manager"), "webhook:manage")).toBe(true);
    expect(can(member("checkin"), "webhook:manage")).toBe(false);
    expect(can(member("finance"), "webhook:manage")).toBe(false);
  });

  it("lets no API token past a policy refusal: a check-in member's token with every scope still may not manage webhooks", () => {
    expect(can({ ...member("checkin"), apiToken: { id: "t", scopes: ["webhooks:write"] } }, "webhook:manage", { organizationId: ORG })).toBe(false);
    expect(can({ ...member("manager"), apiToken: { id: "t", scopes: ["webhooks:write"] } }, "webhook:manage", { organizationId: ORG })).toBe(true);
  });

  it("refuses event creation to an unverified manager", () => {
    expect(can({ ...member("manager"), emailVerified: false }, "event:create", { organizationId: ORG })).toBe(false);
  });

  it("gives an organization token a manager's rights in its organization only, webhooks included, never an owner's or a person's", () => {
    const token: UserActor = { ...member("manager"), userId: "token-id", apiToken: { id: "token-id", scopes: ["events:write"], organizationId: ORG } };
    expect(can(token, "event:manage", { organizationId: ORG })).toBe(true);
    expect(can(token, "event:manage", { organizationId: OTHER_ORG })).toBe(false);
    for (const action of ["organization:manage", "organization-token:manage", "attendees:export"] as const) {
      expect(can(token, action, { organizationId: ORG }), action).toBe(false);
    }
    // An integration registers its own webhooks (with the webhooks:write scope), as a manager may.
    expect(can(token, "webhook:manage", { organizationId: ORG })).toBe(true);
    expect(can(token, "webhook:manage", { organizationId: OTHER_ORG })).toBe(false);
    for (const action of ["booking:create", "waitlist:join", "account:manage"] as const) expect(can(token, action), action).toBe(false);
  });
});
