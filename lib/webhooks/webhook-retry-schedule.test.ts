import { describe, expect, it } from "vitest";
import { WEBHOOK_RETRIES, WEBHOOK_RETRY_DELAYS_MS, webhookRetryDelayMs } from "./webhook-retry-schedule";

describe("the webhook retry schedule", () => {
  it("has one retry per delay and keeps trying for at least 24 hours", () => {
    expect(WEBHOOK_RETRIES).toBe(WEBHOOK_RETRY_DELAYS_MS.length);
    const total = WEBHOOK_RETRY_DELAYS_MS.reduce((sum, ms) => sum + ms, 0);
    expect(total).toBeGreaterThanOrEqual(24 * 60 * 60 * 1000);
  });

  it("waits longer after each failure, and the last delay after that", () => {
    for (let i = 1; i < WEBHOOK_RETRIES; i++) expect(webhookRetryDelayMs(i)).toBeGreaterThanOrEqual(webhookRetryDelayMs(i - 1));
    expect(webhookRetryDelayMs(99)).toBe(WEBHOOK_RETRY_DELAYS_MS.at(-1));
  });
});
