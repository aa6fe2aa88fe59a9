import { afterEach, beforeEach, describe, expect, it } from "vitest";
import VerificationCode from "@/emails/verification-code";
import { getDb } from "@/lib/db/client";
import { createTestTokens } from "@/lib/domain/auth/test-fixtures";
import { env } from "@/lib/env";
import { sendEmail } from "@/lib/mail/send-email";
import { resetDatabase } from "@/tests/harness/db";
import { GET } from "./route";

const noParams = { params: Promise.resolve({}) };
const get = (query: string, token?: string) =>
  GET(new Request(`http://localhost/api/dev/mailbox${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }), noParams);

const defaults = { HOST: env.HOST, TRUSTED_PROXY_HOPS: env.TRUSTED_PROXY_HOPS, DEV_MAILBOX: env.DEV_MAILBOX };

/** The server as `npm start` runs it: loopback only, no proxy in front. */
function listenOnLoopbackAlone() {
  Object.assign(env, { HOST: "127.0.0.1", TRUSTED_PROXY_HOPS: 0, DEV_MAILBOX: undefined });
}

async function send(to: string, code: string) {
  await sendEmail(getDb(), {
    dedupeKey: `${to}:${code}`,
    to,
    message: { template: "verification-code", props: { ...VerificationCode.PreviewProps, code } },
  });
}

describe("GET /api/dev/mailbox", () => {
  beforeEach(async () => {
    await resetDatabase();
    listenOnLoopbackAlone();
  });
  afterEach(() => {
    env.SMTP_URL = undefined;
    Object.assign(env, defaults);
  });

  it("lists one recipient's stored mail, newest first", async () => {
    await send("ann@example.com", "111111");
    await send("bob@example.com", "222222");
    await send("ann@example.com", "333333");

    const res = await get("?to=Ann@Example.com");

    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBeTruthy();
    const { data } = (await res.json()) as { data: Record<string, string>[] };
    expect(data.map((m) => m.subject)).toEqual([
      expect.stringContaining("333333"),
      expect.stringContaining("111111"),
    ]);
    expect(Object.keys(data[0]!).sort()).toEqual(["createdAt", "html", "subject", "text", "to"]);
    expect(data[0]).toMatchObject({ to: "ann@example.com", text: expect.stringContaining("333333") });
    expect(new Date(data[0]!.createdAt!).toISOString()).toBe(data[0]!.createdAt);
  });

  it("is not found when mail goes out by SMTP, even for an admin", async () => {
    env.SMTP_URL = "smtp://127.0.0.1:2525";
    const admin = await createTestTokens({ role: "admin" });
    for (const token of [undefined, admin.accessToken]) {
      const res = await get("", token);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
  });

  it("is open to anonymous callers while the server listens on loopback alone (127.0.0.1, ::1, localhost)", async () => {
    await send("ann@example.com", "111111");
    for (const host of ["127.0.0.1", "::1", "localhost"]) {
      env.HOST = host;
      const res = await get("");
      expect(res.status).toBe(200);
      expect((await res.json()).data).toHaveLength(1);
    }
  });

  it("is admins only while the server listens on every interface: anonymous and attendees get 404, admins read it", async () => {
    await send("ann@example.com", "111111");
    env.HOST = "0.0.0.0";
    const attendee = await createTestTokens({ role: "attendee" });
    const admin = await createTestTokens({ role: "admin" });

    const anonymous = await get("");
    expect(anonymous.status).toBe(404);
    expect(anonymous.headers.get("content-type")).toContain("application/problem+json");
    expect(await anonymous.text()).not.toContain("111111");
    expect((await get("", attendee.accessToken)).status).toBe(404);
    const asAdmin = await get("", admin.accessToken);
    expect(asAdmin.status).toBe(200);
    expect((await asAdmin.json()).data).toHaveLength(1);
  });

  it("is admins only on loopback behind a proxy (TRUSTED_PROXY_HOPS > 0): the proxy makes it public", async () => {
    env.TRUSTED_PROXY_HOPS = 1;
    expect((await get("")).status).toBe(404);
  });

  it("is open to anyone with DEV_MAILBOX=open on any interface, and closed with DEV_MAILBOX=admin even on loopback", async () => {
    env.HOST = "0.0.0.0";
    env.DEV_MAILBOX = "open";
    expect((await get("")).status).toBe(200);
    listenOnLoopbackAlone();
    env.DEV_MAILBOX = "admin";
    expect((await get("")).status).toBe(404);
  });
});
