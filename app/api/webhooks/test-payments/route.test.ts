import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { signTestNotification, TEST_SIGNATURE_HEADER, type TestNotificationBody } from "@/lib/domain/payments";
import { notifications } from "@/lib/domain/payments/schema";
import { resetDatabase } from "@/tests/harness/db";
import { POST } from "./route";

const noParams = { params: Promise.resolve({}) };
const post = (rawBody: string, headers: Record<string, string>) =>
  POST(new Request("http://localhost/api/webhooks/test-payments", { method: "POST", body: rawBody, headers }), noParams);

function notification(): TestNotificationBody {
  return {
    id: `evt_test_${randomUUID()}`,
    type: "payment.succeeded",
    created: Math.floor(Date.now() / 1000),
    data: { orderId: randomUUID(), paymentRef: `test_pi_${randomUUID()}`, amountCents: 2500, currency: "EUR" },
  };
}

describe("POST /api/webhooks/test-payments", () => {
  beforeEach(resetDatabase);

  it("refuses a notification whose body was changed after signing with 401 problem+json and records nothing", async () => {
    const { rawBody, headers } = signTestNotification(notification(), new Date());
    const res = await post(rawBody.replace("2500", "1"), headers);
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ code: "SIGNATURE_INVALID", status: 401 });
    expect(await getDb().$count(notifications)).toBe(0);
  });

  it("refuses an unsigned notification with 401 and a malformed signature with 400", async () => {
    const { rawBody } = signTestNotification(notification(), new Date());
    const unsigned = await post(rawBody, { "content-type": "application/json" });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ code: "SIGNATURE_MISSING" });
    const malformed = await post(rawBody, { "content-type": "application/json", [TEST_SIGNATURE_HEADER]: "nonsense" });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get("content-type")).toBe("application/problem+json");
  });

  it("refuses a notification signed too long ago, as a replayed capture would be", async () => {
    const { rawBody, headers } = signTestNotification(notification(), new Date(Date.now() - 10 * 60_000));
    const res = await post(rawBody, headers);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: "SIGNATURE_EXPIRED" });
  });
});
