import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { POST as token } from "@/app/api/v1/auth/token/route";
import { callRoute, randomIp } from "@/app/api/v1/auth/_test/call-route";
import { getDb } from "@/lib/db/client";
import { getUsersByIds } from "@/lib/domain/auth";
import { accountCodes, securityEvents, users } from "@/lib/domain/auth/schema";
import { createTestTokens, deliverAuthEmails, TEST_PASSWORD } from "@/lib/domain/auth/test-fixtures";
import { bookSeats } from "@/lib/domain/bookings";
import { bookings } from "@/lib/domain/bookings/schema";
import { publishedEvent } from "@/lib/domain/bookings/test-fixtures";
import { publishedEvent as organizedEvent } from "@/lib/domain/events/event-fixtures";
import { getRedis } from "@/lib/redis/client";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { POST as requestReset } from "@/app/api/v1/auth/password-reset/route";
import { GET as exportMe } from "./export/route";
import { DELETE as deleteMe, GET as me } from "./route";

beforeEach(async () => {
  await resetDatabase();
  await getRedis()?.flushdb();
});

async function accountWithBooking() {
  const user = await createTestTokens();
  const event = await publishedEvent();
  const actor = { type: "user" as const, userId: user.userId, role: "attendee" as const, emailVerified: true, sessionId: user.sessionId };
  const { booking } = await bookSeats({ ctx: testCtx(actor), input: { eventId: event.eventId, quantity: 2, idempotencyKey: "k1" } });
  return { user, event, booking };
}

describe("GET /api/v1/me/export", () => {
  it("returns the account, sessions, bookings and security events as an uncached download", async () => {
    const { user, booking } = await accountWithBooking();
    const res = await callRoute(exportMe, "GET", "/api/v1/me/export", { token: user.accessToken });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="evently-data-\d{4}-\d{2}-\d{2}\.json"$/);
    const body = await res.json();
    expect(body.user).toMatchObject({ id: user.userId, email: user.email });
    expect(body.sessions.map((s: { id: string }) => s.id)).toContain(user.sessionId);
    expect(body.bookings.map((b: { id: string }) => b.id)).toEqual([booking.id]);
    expect(body).toHaveProperty("waitlistEntries", []);
    expect(body).toHaveProperty("securityEvents");
    expect((await callRoute(exportMe, "GET", "/api/v1/me/export")).status).toBe(401);
  });
});

describe("DELETE /api/v1/me", () => {
  it("erases the person, revokes every token, keeps the booking under 'Deleted user', and logs it", async () => {
    const { user, booking } = await accountWithBooking();
    await callRoute(requestReset, "POST", "/api/v1/auth/password-reset", { body: { email: user.email }, ip: randomIp() });
    await deliverAuthEmails();
    const res = await callRoute(deleteMe, "DELETE", "/api/v1/me", { token: user.accessToken, body: { password: TEST_PASSWORD } });
    expect(res.status).toBe(204);
    expect((await callRoute(me, "GET", "/api/v1/me", { token: user.accessToken })).status).toBe(401);
    const signIn = await callRoute(token, "POST", "/api/v1/auth/token", { body: { email: user.email, password: TEST_PASSWORD }, ip: randomIp() });
    expect(signIn.status).toBe(401);

    const [row] = await getDb().select().from(users).where(eq(users.id, user.userId));
    expect(row).toMatchObject({ name: "Deleted user", passwordHash: "", deletedAt: expect.any(Date) });
    expect(row!.email).not.toContain(user.email.split("@")[0]);
    expect(await getDb().select().from(accountCodes).where(eq(accountCodes.userId, user.userId))).toEqual([]);
    const [kept] = await getDb().select().from(bookings).where(eq(bookings.id, booking.id));
    expect(kept?.userId).toBe(user.userId);
    expect((await getUsersByIds({ ctx: testCtx(), input: { ids: [user.userId] } }))[0]?.name).toBe("Deleted user");
    const logged = await getDb().select().from(securityEvents).where(eq(securityEvents.userId, user.userId));
    expect(logged.find((e) => e.type === "account_deleted")).toBeDefined();
    expect(logged.every((e) => e.email === null)).toBe(true);
  });

  it("answers 401 for a wrong password and changes nothing", async () => {
    const user = await createTestTokens();
    const res = await callRoute(deleteMe, "DELETE", "/api/v1/me", { token: user.accessToken, body: { password: "not my password" } });
    expect(res.status).toBe(401);
    expect((await callRoute(me, "GET", "/api/v1/me", { token: user.accessToken })).status).toBe(200);
  });

  it("refuses the last admin with 409 LAST_ADMIN, and lets one of two admins go", async () => {
    const first = await createTestTokens({ role: "admin" });
    const refused = await callRoute(deleteMe, "DELETE", "/api/v1/me", { token: first.accessToken, body: { password: TEST_PASSWORD } });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: "LAST_ADMIN" });
    await createTestTokens({ role: "admin" });
    expect((await callRoute(deleteMe, "DELETE", "/api/v1/me", { token: first.accessToken, body: { password: TEST_PASSWORD } })).status).toBe(204);
  });

  it("refuses an organizer with an upcoming published event (409 ORGANIZER_HAS_EVENTS)", async () => {
    const organizer = await createTestTokens({ role: "organizer" });
    const actor = { type: "user" as const, userId: organizer.userId, role: "organizer" as const, emailVerified: true, sessionId: organizer.sessionId };
    await organizedEvent(actor);
    const res = await callRoute(deleteMe, "DELETE", "/api/v1/me", { token: organizer.accessToken, body: { password: TEST_PASSWORD } });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "ORGANIZER_HAS_EVENTS" });
  });
});
