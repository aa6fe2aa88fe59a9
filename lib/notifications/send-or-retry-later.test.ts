import { NonRetriableError, RetryAfterError } from "inngest";
import { describe, expect, it } from "vitest";
import { mailRetryDelayMs } from "./mail-retry-schedule";
import { sendOrRetryLater } from "./send-or-retry-later";

describe("sendOrRetryLater", () => {
  it("returns what the send returns", async () => {
    await expect(sendOrRetryLater(0, async () => "sent")).resolves.toBe("sent");
  });

  it("turns a failed send into a RetryAfterError timed by the schedule for that attempt", async () => {
    const refused = new Error("connect ECONNREFUSED 127.0.0.1:25");
    for (const attempt of [0, 3, 19]) {
      const before = Date.now();
      const error = await sendOrRetryLater(attempt, () => Promise.reject(refused)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RetryAfterError);
      const retry = error as RetryAfterError;
      expect(retry.message).toContain("ECONNREFUSED");
      expect(retry.cause).toBe(refused);
      const at = Date.parse(retry.retryAfter);
      expect(at - before).toBeGreaterThanOrEqual(mailRetryDelayMs(attempt));
      expect(at - Date.now()).toBeLessThanOrEqual(mailRetryDelayMs(attempt));
    }
  });

  it("lets a NonRetriableError end the run", async () => {
    const final = new NonRetriableError("no such template");
    await expect(sendOrRetryLater(0, () => Promise.reject(final))).rejects.toBe(final);
  });
});
