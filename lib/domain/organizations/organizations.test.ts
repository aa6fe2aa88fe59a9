import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createTestUser } from "@/lib/domain/auth/test-fixtures";
import type { UserActor } from "@/lib/domain/context";
import { createEvent, updateEvent } from "@/lib/domain/events";
import { eventInput } from "@/lib/domain/events/event-fixtures";
import { listEventBookings } from "@/lib/domain/bookings";
import { drainJobs } from "@/lib/jobs/drain";
import { listMailbox } from "@/lib/mail/list-mailbox";
import { sendOrganizationInvitationEmail } from "@/inngest/functions/send-organization-invitation-email";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import {
  acceptInvitation,
  changeMemberRole,
  getInvitation,
  getOrganization,
  inviteMember,
  listMyOrganizations,
  removeMember,
  revokeInvitation,
  withMemberships,
} from "./index";
import { invitations, membershipLog, memberships, organizations } from "./schema";

beforeEach(resetDatabase);

const load = (actor: UserActor) => withMemberships(testCtx(actor), actor);

async function organizerWithOrganization() {
  const user = await createTestUser({ role: "organizer", name: "Olga" });
  const actor = await load(user.actor);
  return { ...user, actor, organizationId: actor.memberships![0]!.organizationId };
}

/** Invites a new account into the organization with `role` and accepts; returns the member's loaded actor. */
async function joined(owner: UserActor, organizationId: string, role: "owner" | "manager" | "checkin" | "finance") {
  const user = await createTestUser();
  const invitation = await inviteMember({ ctx: testCtx(owner), input: { organizationId, email: user.email, role } });
  await acceptInvitation({ ctx: testCtx(await load(user.actor)), input: { id: invitation.id } });
  return { ...user, actor: await load(user.actor) };
}

describe("founding", () => {
  it("gives an organizer exactly one organization, as owner, however many first requests race", async () => {
    const user = await createTestUser({ role: "organizer", name: "Olga" });
    const loaded = await Promise.all(Array.from({ length: 8 }, () => load(user.actor)));
    for (const actor of loaded) expect(actor.memberships).toEqual([{ organizationId: loaded[0]!.memberships![0]!.organizationId, role: "owner" }]);
    const rows = await getDb().select().from(organizations).where(eq(organizations.founderId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.name).toBe("Olga's organization");
  });

  it("founds nothing for an attendee", async () => {
    const user = await createTestUser();
    expect((await load(user.actor)).memberships).toEqual([]);
    expect(await getDb().select().from(organizations)).toHaveLength(0);
  });
});

describe("invitations", () => {
  it("mails the invited address a link that its account accepts, joining with the invited role", async () => {
    const owner = await organizerWithOrganization();
    const invitee = await createTestUser({ email: "mona.manager@example.test" });
    const invitation = await inviteMember({ ctx: testCtx(owner.actor), input: { organizationId: owner.organizationId, email: "Mona.Manager@example.test", role: "manager" } });
    await drainJobs({ db: getDb(), functions: [sendOrganizationInvitationEmail] });
    const [mail] = await listMailbox(getDb(), { to: invitee.email, limit: 5 });
    expect(mail?.subject).toBe("Olga invited you to Olga's organization on Evently");
    expect(mail?.text).toContain(`/invitations/${invitation.id}`);

    const seen = await getInvitation({ ctx: testCtx(invitee.actor), input: { id: invitation.id } });
    expect(seen).toMatchObject({ organizationName: "Olga's organization", role: "manager", state: "open" });
    await acceptInvitation({ ctx: testCtx(invitee.actor), input: { id: invitation.id } });
    expect((await load(invitee.actor)).memberships).toEqual([{ organizationId: owner.organizationId, role: "manager" }]);
    await expect(acceptInvitation({ ctx: testCtx(invitee.actor), input: { id: invitation.id } })).rejects.toMatchObject({ code: "INVITATION_CLOSED" });
  });

  it("hides an invitation from every account but the invited one", async () => {
    const owner = await organizerWithOrganization();
    const invitation = await inviteMember({ ctx: testCtx(owner.actor), input: { organizationId: owner.organizationId, email: "someone@example.test", role: "finance" } });
    const stranger = await createTestUser();
    await expect(getInvitation({ ctx: testCtx(stranger.actor), input: { id: invitation.id } })).rejects.toMatchObject({ code: "INVITATION_NOT_FOUND" });
    await expect(acceptInvitation({ ctx: testCtx(stranger.actor), input: { id: invitation.id } })).rejects.toMatchObject({ code: "INVITATION_NOT_FOUND" });
    expect(await getDb().select().from(memberships).where(eq(memberships.userId, stranger.id))).toHaveLength(0);
  });

  it("refuses an expired invitation and one that was withdrawn", async () => {
    const owner = await organizerWithOrganization();
    const invitee = await createTestUser();
    const ctx = testCtx(owner.actor);
    const old = await inviteMember({ ctx, input: { organizationId: owner.organizationId, email: invitee.email, role: "checkin" } });
    await getDb().update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, old.id));
    await expect(acceptInvitation({ ctx: testCtx(invitee.actor), input: { id: old.id } })).rejects.toMatchObject({ code: "INVITATION_EXPIRED" });
    const renewed = await inviteMember({ ctx, input: { organizationId: owner.organizationId, email: invitee.email, role: "checkin" } });
    await revokeInvitation({ ctx, input: { organizationId: owner.organizationId, invitationId: renewed.id } });
    await expect(acceptInvitation({ ctx: testCtx(invitee.actor), input: { id: renewed.id } })).rejects.toMatchObject({ code: "INVITATION_CLOSED" });
    expect((await load(invitee.actor)).memberships).toEqual([]);
  });

  it("lets only owners invite: a manager is refused, an outsider does not learn the organization exists", async () => {
    const owner = await organizerWithOrganization();
    const manager = await joined(owner.actor, owner.organizationId, "manager");
    await expect(inviteMember({ ctx: testCtx(manager.actor), input: { organizationId: owner.organizationId, email: "x@example.test", role: "owner" } })).rejects.toMatchObject({
      kind: "Forbidden",
    });
    const outsider = await organizerWithOrganization();
    await expect(inviteMember({ ctx: testCtx(outsider.actor), input: { organizationId: owner.organizationId, email: "x@example.test", role: "owner" } })).rejects.toMatchObject({
      code: "ORGANIZATION_NOT_FOUND",
    });
  });

  it("does not invite someone who is already a member", async () => {
    const owner = await organizerWithOrganization();
    const manager = await joined(owner.actor, owner.organizationId, "manager");
    await expect(inviteMember({ ctx: testCtx(owner.actor), input: { organizationId: owner.organizationId, email: manager.email, role: "finance" } })).rejects.toMatchObject({
      code: "ALREADY_MEMBER",
    });
  });
});

describe("members and roles", () => {
  it("keeps the last owner: they can neither leave nor step down", async () => {
    const owner = await organizerWithOrganization();
    const ctx = testCtx(owner.actor);
    await expect(removeMember({ ctx, input: { organizationId: owner.organizationId, userId: owner.id } })).rejects.toMatchObject({ code: "LAST_OWNER" });
    await expect(changeMemberRole({ ctx, input: { organizationId: owner.organizationId, userId: owner.id, role: "manager" } })).rejects.toMatchObject({ code: "LAST_OWNER" });
  });

  it("leaves exactly one owner when two owners remove each other at the same moment", async () => {
    for (let round = 0; round < 5; round++) {
      const first = await organizerWithOrganization();
      const second = await joined(first.actor, first.organizationId, "owner");
      const results = await Promise.allSettled([
        removeMember({ ctx: testCtx(first.actor), input: { organizationId: first.organizationId, userId: second.id } }),
        removeMember({ ctx: testCtx(second.actor), input: { organizationId: first.organizationId, userId: first.id } }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const owners = await getDb().select().from(memberships).where(eq(memberships.organizationId, first.organizationId));
      expect(owners).toHaveLength(1);
      expect(owners[0]!.role).toBe("owner");
    }
  });

  it("lets owners change roles and remove members, a member leave, and logs every change in order", async () => {
    const owner = await organizerWithOrganization();
    const ctx = testCtx(owner.actor);
    const member = await joined(owner.actor, owner.organizationId, "checkin");
    await changeMemberRole({ ctx, input: { organizationId: owner.organizationId, userId: member.id, role: "finance" } });
    expect((await load(member.actor)).memberships).toEqual([{ organizationId: owner.organizationId, role: "finance" }]);
    await expect(changeMemberRole({ ctx: testCtx(await load(member.actor)), input: { organizationId: owner.organizationId, userId: member.id, role: "owner" } })).rejects.toMatchObject({
      kind: "Forbidden",
    });
    await removeMember({ ctx: testCtx(await load(member.actor)), input: { organizationId: owner.organizationId, userId: member.id } });
    expect((await load(member.actor)).memberships).toEqual([]);

    const log = await getDb().select().from(membershipLog).where(eq(membershipLog.organizationId, owner.organizationId)).orderBy(membershipLog.at);
    expect(log.map((l) => [l.change, l.role, l.previousRole])).toEqual([
      ["founded", "owner", null],
      ["invited", "checkin", null],
      ["joined", "checkin", null],
      ["role_changed", "finance", "checkin"],
      ["removed", null, "finance"],
    ]);
    expect(log[3]!.actorId).toBe(owner.id);
    expect(log[4]!.actorId).toBe(member.id);
  });

  it("shows members to every member, invitations and the log to owners only", async () => {
    const owner = await organizerWithOrganization();
    const staff = await joined(owner.actor, owner.organizationId, "checkin");
    await inviteMember({ ctx: testCtx(owner.actor), input: { organizationId: owner.organizationId, email: "later@example.test", role: "finance" } });
    const asOwner = await getOrganization({ ctx: testCtx(owner.actor), input: { organizationId: owner.organizationId } });
    expect(asOwner.members.map((m) => m.role)).toEqual(["owner", "checkin"]);
    expect(asOwner.invitations.map((i) => i.email)).toEqual(["later@example.test"]);
    const asStaff = await getOrganization({ ctx: testCtx(staff.actor), input: { organizationId: owner.organizationId } });
    expect(asStaff.members).toHaveLength(2);
    expect(asStaff.invitations).toEqual([]);
    expect(asStaff.log).toEqual([]);
    expect(await listMyOrganizations({ ctx: testCtx(staff.actor) })).toEqual([{ id: owner.organizationId, name: "Olga's organization", role: "checkin" }]);
  });
});

describe("working in an organization", () => {
  it("puts a manager's event in the organization, where the owner manages it and check-in staff cannot see its orders", async () => {
    const owner = await organizerWithOrganization();
    const manager = await joined(owner.actor, owner.organizationId, "manager");
    const staff = await joined(owner.actor, owner.organizationId, "checkin");
    const finance = await joined(owner.actor, owner.organizationId, "finance");
    const event = await createEvent({ ctx: testCtx(manager.actor), input: eventInput() });
    expect(event.organizationId).toBe(owner.organizationId);
    await updateEvent({ ctx: testCtx(owner.actor), input: { id: event.id, version: event.version, title: "Renamed by the owner" } });
    await expect(listEventBookings({ ctx: testCtx(staff.actor), input: { eventId: event.id } })).rejects.toMatchObject({ kind: "Forbidden" });
    await expect(listEventBookings({ ctx: testCtx(finance.actor), input: { eventId: event.id } })).resolves.toMatchObject({ data: [] });
    // A draft is not revealed to those who may not manage it.
    await expect(updateEvent({ ctx: testCtx(finance.actor), input: { id: event.id, version: 2, title: "Finance edit" } })).rejects.toMatchObject({ kind: "NotFound" });
  });

  it("takes a removed manager's access to the organization's events at once", async () => {
    const owner = await organizerWithOrganization();
    const manager = await joined(owner.actor, owner.organizationId, "manager");
    const event = await createEvent({ ctx: testCtx(manager.actor), input: eventInput() });
    await removeMember({ ctx: testCtx(owner.actor), input: { organizationId: owner.organizationId, userId: manager.id } });
    const after = await load(manager.actor);
    await expect(updateEvent({ ctx: testCtx(after), input: { id: event.id, version: event.version, title: "Too late" } })).rejects.toMatchObject({ kind: "NotFound" });
  });

  it("creates in a chosen organization only where the caller's role allows it", async () => {
    const owner = await organizerWithOrganization();
    const staff = await joined(owner.actor, owner.organizationId, "checkin");
    await expect(createEvent({ ctx: testCtx(staff.actor), input: { ...eventInput(), organizationId: owner.organizationId } })).rejects.toMatchObject({ kind: "Forbidden" });
    const other = await organizerWithOrganization();
    await expect(createEvent({ ctx: testCtx(other.actor), input: { ...eventInput(), organizationId: owner.organizationId } })).rejects.toMatchObject({ kind: "Forbidden" });
  });
});
