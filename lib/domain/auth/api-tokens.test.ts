import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { authenticateApiToken } from "./authenticate-api-token";
import { createApiToken, MAX_LIVE_API_TOKENS } from "./create-api-token";
import { apiTokens, users } from "./schema";
import { createTestUser } from "./test-fixtures";

beforeEach(resetDatabase);

describe("API tokens", () => {
  it(`creates exactly ${MAX_LIVE_API_TOKENS} of 60 racing creations for one user`, async () => {
    const user = await createTestUser();
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) => createApiToken({ ctx: testCtx(user.actor), input: { name: `t${i}`, scopes: ["events:read"] } })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(MAX_LIVE_API_TOKENS);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused.map((r) => (r.reason as { code: string }).code)).toEqual(Array(60 - MAX_LIVE_API_TOKENS).fill("TOO_MANY_API_TOKENS"));
    expect(await getDb().select().from(apiTokens).where(eq(apiTokens.userId, user.id))).toHaveLength(MAX_LIVE_API_TOKENS);
  });

  it("writes the last use at most once a minute, however many requests race", async () => {
    const user = await createTestUser();
    const { token, id } = await createApiToken({ ctx: testCtx(user.actor), input: { name: "t", scopes: ["events:read"] } });
    const now = new Date();
    await Promise.all(Array.from({ length: 20 }, (_, i) => authenticateApiToken({ db: getDb(), token, now, ip: `10.0.0.${i}` })));
    const [first] = await getDb().select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(first!.lastUsedAt!.getTime()).toBe(now.getTime());
    await authenticateApiToken({ db: getDb(), token, now: new Date(now.getTime() + 30_000), ip: "10.9.9.9" });
    const [later] = await getDb().select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(later!.lastUsedAt!.getTime()).toBe(now.getTime());
    expect(later!.lastUsedIp).toBe(first!.lastUsedIp);
  });

  it("resolves a deleted user's token to nothing", async () => {
    const user = await createTestUser();
    const { token } = await createApiToken({ ctx: testCtx(user.actor), input: { name: "t", scopes: ["events:read"] } });
    await getDb().update(users).set({ deletedAt: new Date() }).where(eq(users.id, user.id));
    await expect(authenticateApiToken({ db: getDb(), token, now: new Date(), ip: "" })).rejects.toMatchObject({ code: "INVALID_TOKEN" });
  });
});
