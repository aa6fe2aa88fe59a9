import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createApiToken, authenticateApiToken } from "@/lib/domain/auth";
import { users } from "@/lib/domain/auth/schema";
import { createTestUser } from "@/lib/domain/auth/test-fixtures";
import type { UserActor } from "@/lib/domain/context";
import { bookSeats } from "@/lib/domain/bookings";
import { createEvent, publishEvent, updateEvent } from "@/lib/domain/events";
import { eventInput } from "@/lib/domain/events/event-fixtures";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import {
  acceptInvitation,
  authenticateOrganizationToken,
  createOrganizationToken,
  inviteMember,
  listOrganizationTokens,
  MAX_LIVE_ORGANIZATION_TOKENS,
  removeMember,
  revokeOrganizationToken,
  withMemberships,
} from "./index";
import { membershipLog, organizationTokens } from "./schema";

beforeEach(resetDatabase);

const load = (actor: UserActor) => withMemberships(testCtx(actor), actor);
const authenticate = (token: string, now = new Date()) => authenticateOrganizationToken({ db: getDb(), token, now, ip: "203.0.113.7" });

async function organizerWithOrganization() {
  const user = await createTestUser({ role: "organizer", name: "Olga" });
  const actor = await load(user.actor);
  return { ...user, actor, organizationId: actor.memberships![0]!.organizationId };
}

async function joined(owner: UserActor, organizationId: string, role: "owner" | "manager" | "checkin" | "finance") {
  const user = await createTestUser();
  const invitation = await inviteMember({ ctx: testCtx(owner), input: { organizationId, email: user.email, role } });
  await acceptInvitation({ ctx: testCtx(await load(user.actor)), input: { id: invitation.id } });
  return { ...user, actor: await load(user.actor) };
}

async function mint(owner: UserActor, organizationId: string, scopes = ["events:read", "events:write"] as const) {
  return createOrganizationToken({ ctx: testCtx(owner), input: { organizationId, name: "Box office sync", scopes: [...scopes] } });
}

describe("organization tokens: who manages them", () => {
  it("lets an owner create one, shown once with the evtly_org_ prefix, stored only as a hash, and logged", async () => {
    const owner = await organizerWithOrganization();
    const created = await mint(owner.actor, owner.organizationId);
    expect(created.token).toMatch(/^evtly_org_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ organizationId: owner.organizationId, name: "Box office sync", scopes: ["events:read", "events:write"], createdBy: owner.id, lastUsedAt: null });
    const [row] = await getDb().select().from(organizationTokens).where(eq(organizationTokens.id, created.id));
    expect(row!.tokenHash).not.toContain(created.token.slice(10));
    expect(JSON.stringify(row)).not.toContain(created.token);
    const listed = await listOrganizationTokens({ ctx: testCtx(owner.actor), input: { organizationId: owner.organizationId } });
    expect(listed.data.map((t) => t.id)).toEqual([created.id]);
    expect(JSON.stringify(listed)).not.toContain(created.token);
    const log = await getDb().select().from(membershipLog).where(eq(membershipLog.subjectTokenId, created.id));
    expect(log).toMatchObject([{ change: "token_created", actorId: owner.id, subjectTokenName: "Box office sync" }]);
  });

  it.each(["manager", "finance", "checkin"] as const)("refuses a %s creating, listing or revoking tokens", async (role) => {
    const owner = await organizerWithOrganization();
    const member = await joined(owner.actor, owner.organizationId, role);
    const existing = await mint(owner.actor, owner.organizationId);
    const ctx = testCtx(member.actor);
    const input = { organizationId: owner.organizationId };
    await expect(createOrganizationToken({ ctx, input: { ...input, name: "mine", scopes: ["events:read"] } })).rejects.toMatchObject({ kind: "Forbidden" });
    await expect(listOrganizationTokens({ ctx, input })).rejects.toMatchObject({ kind: "Forbidden" });
    await expect(revokeOrganizationToken({ ctx, input: { ...input, tokenId: existing.id } })).rejects.toMatchObject({ kind: "Forbidden" });
    expect((await authenticate(existing.token)).apiToken?.organizationId).toBe(owner.organizationId);
    expect(await getDb().select().from(organizationTokens)).toHaveLength(1);
  });

  it("does not reveal another organization's tokens to an outsider, even one who owns an organization", async () => {
    const owner = await organizerWithOrganization();
    const existing = await mint(owner.actor, owner.organizationId);
    const outsider = await organizerWithOrganization();
    const ctx = testCtx(outsider.actor);
    await expect(listOrganizationTokens({ ctx, input: { organizationId: owner.organizationId } })).rejects.toMatchObject({ code: "ORGANIZATION_NOT_FOUND" });
    await expect(createOrganizationToken({ ctx, input: { organizationId: owner.organizationId, name: "x", scopes: ["events:read"] } })).rejects.toMatchObject({ code: "ORGANIZATION_NOT_FOUND" });
    await expect(revokeOrganizationToken({ ctx, input: { organizationId: outsider.organizationId, tokenId: existing.id } })).rejects.toMatchObject({ code: "API_TOKEN_NOT_FOUND" });
  });

  it("refuses managing tokens with any API token, personal or the organization's own", async () => {
    const owner = await organizerWithOrganization();
    const personal = await createApiToken({ ctx: testCtx(owner.actor), input: { name: "p", scopes: ["events:read"] } });
    const viaPersonal = await load(await authenticateApiToken({ db: getDb(), token: personal.token, now: new Date(), ip: "" }));
    await expect(mint(viaPersonal, owner.organizationId)).rejects.toMatchObject({ code: "INSUFFICIENT_SCOPE" });
    const orgToken = await authenticate((await mint(owner.actor, owner.organizationId)).token);
    await expect(mint(orgToken, owner.organizationId)).rejects.toMatchObject({ kind: "Forbidden" });
    await expect(listOrganizationTokens({ ctx: testCtx(orgToken), input: { organizationId: owner.organizationId } })).rejects.toMatchObject({ kind: "Forbidden" });
  });

  it("lets any owner revoke a token another owner made, and it fails on its very next use", async () => {
    const owner = await organizerWithOrganization();
    const coOwner = await joined(owner.actor, owner.organizationId, "owner");
    const created = await mint(owner.actor, owner.organizationId);
    await authenticate(created.token);
    await revokeOrganizationToken({ ctx: testCtx(coOwner.actor), input: { organizationId: owner.organizationId, tokenId: created.id } });
    await expect(authenticate(created.token)).rejects.toMatchObject({ code: "INVALID_TOKEN" });
    expect((await listOrganizationTokens({ ctx: testCtx(owner.actor), input: { organizationId: owner.organizationId } })).data).toEqual([]);
    await expect(revokeOrganizationToken({ ctx: testCtx(owner.actor), input: { organizationId: owner.organizationId, tokenId: created.id } })).rejects.toMatchObject({
      code: "API_TOKEN_NOT_FOUND",
    });
    const [row] = await getDb().select().from(organizationTokens).where(eq(organizationTokens.id, created.id));
    expect(row!.revokedBy).toBe(coOwner.id);
  });

  it(`creates exactly ${MAX_LIVE_ORGANIZATION_TOKENS} of 60 racing creations for one organization`, async () => {
    const owner = await organizerWithOrganization();
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) => createOrganizationToken({ ctx: testCtx(owner.actor), input: { organizationId: owner.organizationId, name: `t${i}`, scopes: ["events:read"] } })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(MAX_LIVE_ORGANIZATION_TOKENS);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused.map((r) => (r.reason as { code: string }).code)).toEqual(Array(60 - MAX_LIVE_ORGANIZATION_TOKENS).fill("TOO_MANY_API_TOKENS"));
  });

  it("refuses an expiry in the past and an unknown scope", async () => {
    const owner = await organizerWithOrganization();
    const ctx = testCtx(owner.actor);
    await expect(
      createOrganizationToken({ ctx, input: { organizationId: owner.organizationId, name: "x", scopes: ["events:read"], expiresAt: new Date(Date.now() - 60_000).toISOString() } }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(createOrganizationToken({ ctx, input: { organizationId: owner.organizationId, name: "x", scopes: ["admin:everything" as never] } })).rejects.toThrow();
    expect(await getDb().select().from(organizationTokens)).toHaveLength(0);
  });
});

describe("organization tokens: what they act as", () => {
  it("acts as a manager of its own organization only, under its own id, with last use recorded", async () => {
    const owner = await organizerWithOrganization();
    const created = await mint(owner.actor, owner.organizationId);
    const now = new Date();
    const actor = await load(await authenticate(created.token, now));
    expect(actor).toMatchObject({ userId: created.id, role: "attendee", sessionId: null, memberships: [{ organizationId: owner.organizationId, role: "manager" }] });
    expect(actor.apiToken).toEqual({ id: created.id, scopes: ["events:read", "events:write"], organizationId: owner.organizationId });
    const [row] = await getDb().select().from(organizationTokens).where(eq(organizationTokens.id, created.id));
    expect(row).toMatchObject({ lastUsedAt: now, lastUsedIp: "203.0.113.7" });

    const event = await createEvent({ ctx: testCtx(actor), input: eventInput() });
    expect(event).toMatchObject({ organizationId: owner.organizationId, organizerId: created.id });
    await publishEvent({ ctx: testCtx(actor), input: { id: event.id } });
  });

  it("cannot see or change another organization's events: they are not found", async () => {
    const owner = await organizerWithOrganization();
    const other = await organizerWithOrganization();
    const theirs = await createEvent({ ctx: testCtx(other.actor), input: eventInput() });
    const actor = await authenticate((await mint(owner.actor, owner.organizationId)).token);
    await expect(updateEvent({ ctx: testCtx(actor), input: { id: theirs.id, version: theirs.version, title: "Taken over" } })).rejects.toMatchObject({ kind: "NotFound" });
    await expect(createEvent({ ctx: testCtx(actor), input: eventInput({ organizationId: other.organizationId }) })).rejects.toMatchObject({ kind: "Forbidden" });
  });

  it("books no seats: there is no person behind it to hold a ticket", async () => {
    const owner = await organizerWithOrganization();
    const actor = await authenticate((await mint(owner.actor, owner.organizationId)).token);
    const event = await createEvent({ ctx: testCtx(actor), input: eventInput() });
    const published = await publishEvent({ ctx: testCtx(actor), input: { id: event.id } });
    await expect(bookSeats({ ctx: testCtx(actor), input: { eventId: published.id, quantity: 1, idempotencyKey: "k1" } })).rejects.toMatchObject({ kind: "Forbidden" });
  });

  it("keeps working after its creator leaves the organization and erases their account", async () => {
    const founder = await organizerWithOrganization();
    const coOwner = await joined(founder.actor, founder.organizationId, "owner");
    const created = await mint(coOwner.actor, founder.organizationId);
    await removeMember({ ctx: testCtx(founder.actor), input: { organizationId: founder.organizationId, userId: coOwner.id } });
    await getDb().update(users).set({ deletedAt: new Date() }).where(eq(users.id, coOwner.id));
    const actor = await authenticate(created.token);
    const event = await createEvent({ ctx: testCtx(actor), input: eventInput() });
    expect(event.organizationId).toBe(founder.organizationId);
    const listed = await listOrganizationTokens({ ctx: testCtx(founder.actor), input: { organizationId: founder.organizationId } });
    expect(listed.data).toMatchObject([{ id: created.id, createdBy: coOwner.id }]);
  });

  it("refuses an expired token and an unknown one", async () => {
    const owner = await organizerWithOrganization();
    const expiresAt = new Date(Date.now() + 3_600_000);
    const created = await createOrganizationToken({ ctx: testCtx(owner.actor), input: { organizationId: owner.organizationId, name: "x", scopes: ["events:read"], expiresAt: expiresAt.toISOString() } });
    await expect(authenticate(created.token, new Date(expiresAt.getTime() - 1000))).resolves.toMatchObject({ userId: created.id });
    await expect(authenticate(created.token, expiresAt)).rejects.toMatchObject({ code: "INVALID_TOKEN" });
    await expect(authenticate(created.token.slice(0, -2) + "xx")).rejects.toMatchObject({ code: "INVALID_TOKEN" });
  });

  it("writes the last use at most once a minute, however many requests race", async () => {
    const owner = await organizerWithOrganization();
    const { token, id } = await mint(owner.actor, owner.organizationId);
    const now = new Date();
    await Promise.all(Array.from({ length: 20 }, (_, i) => authenticateOrganizationToken({ db: getDb(), token, now, ip: `10.0.0.${i}` })));
    const [first] = await getDb().select().from(organizationTokens).where(eq(organizationTokens.id, id));
    expect(first!.lastUsedAt!.getTime()).toBe(now.getTime());
    await authenticateOrganizationToken({ db: getDb(), token, now: new Date(now.getTime() + 30_000), ip: "10.9.9.9" });
    const [later] = await getDb().select().from(organizationTokens).where(eq(organizationTokens.id, id));
    expect(later).toMatchObject({ lastUsedAt: now, lastUsedIp: first!.lastUsedIp });
    await authenticateOrganizationToken({ db: getDb(), token, now: new Date(now.getTime() + 61_000), ip: "10.9.9.9" });
    const [minuteOn] = await getDb().select().from(organizationTokens).where(eq(organizationTokens.id, id));
    expect(minuteOn!.lastUsedIp).toBe("10.9.9.9");
  });
});
