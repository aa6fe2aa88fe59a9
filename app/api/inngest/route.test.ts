import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { resetDatabase } from "@/tests/harness/db";
import { mailbox } from "@/lib/mail/schema";
import type { NextRequest } from "next/server";
import { POST } from "./route";

describe("POST /api/inngest without an Inngest server", () => {
  beforeEach(resetDatabase);

  it("refuses an unsigned request to run a function", async () => {
    const body = {
      event: { name: "platform.demo_requested", data: { to: "mallory@example.com" } },
      steps: {},
      ctx: { run_id: "forged", attempt: 0 },
    };
    const req = new Request("http://localhost/api/inngest?fnId=evently-send-demo-email&stepId=step", {
      method: "POST",
      headers: { host: "localhost", "content-type": "application/json" },
      body: JSON.stringify(body),
    });

    const res = await POST(req as NextRequest, undefined);

    expect(res.status).toBe(401);
    expect(await getDb().select().from(mailbox)).toEqual([]);
  });
});
