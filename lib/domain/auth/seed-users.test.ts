import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { registerUser } from "./register-user";
import { resolveSession } from "./resolve-session";
import { users } from "./schema";
import { DEMO_PASSWORD, DEMO_USERS, seedUsers } from "./seed-users";
import { startWebSession } from "./start-web-session";

const ctx = () => testCtx({ type: "system" });

describe("seedUsers", () => {
  beforeEach(resetDatabase);

  it("creates the verified demo accounts once; a second run changes nothing", async () => {
    await seedUsers({ ctx: ctx(), input: { demo: true } });
    const first = await getDb().select().from(users);
    await seedUsers({ ctx: ctx(), input: { demo: true } });
    expect(await getDb().select().from(users)).toEqual(first);
    expect(first.map((u) => [u.email, u.role]).sort()).toEqual(DEMO_USERS.map((u) => [u.email, u.role]).sort());
    expect(first.every((u) => u.emailVerifiedAt !== null)).toBe(true);
    const signedIn = await startWebSession({ ctx: testCtx({ type: "anonymous" }), input: { email: "org1@evently.local", password: DEMO_PASSWORD } });
    expect(signedIn.user.role).toBe("organizer");
  });

  it("ensures the bootstrap admin; an address someone registered first is taken over and its sessions end", async () => {
    const email = "boss@example.test";
    await registerUser({ ctx: testCtx({ type: "anonymous" }), input: { email, password: "quiet river lamp 9", name: "Squatter" } });
    const squatter = await startWebSession({ ctx: testCtx({ type: "anonymous" }), input: { email, password: "quiet river lamp 9" } });

    await seedUsers({ ctx: ctx(), input: { demo: false, admin: { email: "Boss@Example.test", password: "the real admin password" } } });
    const [admin] = await getDb().select().from(users).where(eq(users.email, email));
    expect(admin).toMatchObject({ role: "admin", emailVerifiedAt: expect.any(Date) });
    expect(await resolveSession({ db: getDb(), sessionId: squatter.sessionId, now: new Date() })).toBeNull();
    await expect(startWebSession({ ctx: testCtx({ type: "anonymous" }), input: { email, password: "quiet river lamp 9" } })).rejects.toMatchObject({
      code: "INVALID_CREDENTIALS",
    });
    await startWebSession({ ctx: testCtx({ type: "anonymous" }), input: { email, password: "the real admin password" } });

    const before = await getDb().select().from(users).where(eq(users.email, email));
    await seedUsers({ ctx: ctx(), input: { demo: false, admin: { email, password: "the real admin password" } } });
    expect(await getDb().select().from(users).where(eq(users.email, email))).toEqual(before);
  });
});
