import { afterEach, beforeEach, describe, expect, it } from "vitest";
import VerificationCode from "@/emails/verification-code";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { sendEmail } from "@/lib/mail/send-email";
import { resetDatabase } from "@/tests/harness/db";
import { GET } from "./route";

const noParams = { params: Promise.resolve({}) };
const get = (query: string) => GET(new Request(`http://localhost/api/dev/mailbox${query}`), noParams);

async function send(to: string, code: string) {
  await sendEmail(getDb(), {
    dedupeKey: `${to}:${code}`,
    to,
    message: { template: "verification-code", props: { ...VerificationCode.PreviewProps, code } },
  });
}

describe("GET /api/dev/mailbox", () => {
  beforeEach(resetDatabase);
  afterEach(() => {
    env.SMTP_URL = undefined;
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

  it("is not found when mail goes out by SMTP", async () => {
    env.SMTP_URL = "smtp://127.0.0.1:2525";
    const res = await get("");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });
});
