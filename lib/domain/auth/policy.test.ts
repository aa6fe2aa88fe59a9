import { describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/domain/context";
import { authorize, can } from "./policy";

const user = (role: UserActor["role"], emailVerified = true): UserActor => ({ type: "user", userId: `${role}-1`, role, emailVerified, sessionId: null });

describe("policy", () => {
  it("keeps user management and the security log to admins", () => {
    for (const action of ["user:manage", "security-log:read"] as const) {
      expect(can(user("admin"), action)).toBe(true);
      expect(can(user("organizer"), action)).toBe(false);
      expect(can(user("attendee"), action)).toBe(false);
      expect(can({ type: "anonymous" }, action)).toBe(false);
    }
  });

  it("lets any signed-in user manage their own account, and nobody anonymous", () => {
    expect(can(user("attendee", false), "account:manage")).toBe(true);
    expect(() => authorize({ type: "anonymous" }, "account:manage")).toThrow(expect.objectContaining({ kind: "Unauthenticated" }));
  });

  it("says EMAIL_NOT_VERIFIED when only verification stands between a user and booking", () => {
    expect(() => authorize(user("attendee", false), "booking:create")).toThrow(expect.objectContaining({ code: "EMAIL_NOT_VERIFIED" }));
    expect(() => authorize(user("attendee"), "user:manage")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });

  it("keeps creating and publishing events to verified organizers, and names the missing verification", () => {
    expect(can(user("organizer", false), "event:create")).toBe(false);
    expect(can(user("organizer", false), "event:publish")).toBe(false);
    expect(can(user("organizer"), "event:create")).toBe(true);
    for (const action of ["event:create", "event:publish"] as const) {
      expect(() => authorize(user("organizer", false), action)).toThrow(expect.objectContaining({ code: "EMAIL_NOT_VERIFIED" }));
    }
    expect(() => authorize(user("attendee", false), "event:create")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });

  it("lets only the event's owner and admins scan tickets in and undo a check-in", () => {
    const event = { organizerId: "organizer-1" };
    for (const action of ["checkin:scan", "checkin:undo"] as const) {
      expect(can(user("organizer"), action, event)).toBe(true);
      expect(can(user("admin"), action, event)).toBe(true);
      expect(can(user("organizer"), action, { organizerId: "someone-else" })).toBe(false);
      expect(can(user("attendee"), action, event)).toBe(false);
    }
  });
});
