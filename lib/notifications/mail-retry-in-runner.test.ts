import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sendOrderConfirmedEmailOnConfirm } from "@/inngest/functions/send-order-confirmed-email";
import { sendEventChangedEmailsOnUpdate } from "@/inngest/functions/send-event-changed-emails";
import { getDb } from "@/lib/db/client";
import { createTestUser } from "@/lib/domain/auth/test-fixtures";
import { bookSeats } from "@/lib/domain/bookings";
import { updateEvent } from "@/lib/domain/events";
import { publishedEvent } from "@/lib/domain/events/event-fixtures";
import { env } from "@/lib/env";
import { createRunner } from "@/lib/jobs/runner";
import { jobRuns } from "@/lib/jobs/schema";
import type { JobFunction } from "@/lib/jobs/registry";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { mailRetryDelayMs } from "./mail-retry-schedule";

/** Claims and executes the one due run of `fn`, with a runner whose own backoff is 10 ms. */
async function runOnce(fn: JobFunction) {
  const runner = createRunner({ db: getDb(), functions: [fn], retryBaseMs: 10, retryMaxMs: 10 });
  await runner.dispatch();
  const run = await runner.claim();
  expect(run).not.toBeNull();
  const before = Date.now();
  const outcome = await runner.execute(run!);
  const executedMs = Date.now() - before;
  const [stored] = await getDb().select().from(jobRuns).where(eq(jobRuns.id, run!.id));
  // The retry is due the schedule's delay after the failure, somewhere within the execution.
  return { outcome, stored: stored!, dueMs: stored!.runAt.getTime() - before, executedMs };
}

async function bookedEvent() {
  const organizer = await createTestUser({ role: "organizer" });
  // Free, so the booking is confirmed and mailed at once (a paid one waits for payment first).
  const event = await publishedEvent(organizer.actor, { capacity: 5, priceCents: 0 });
  const buyer = await createTestUser();
  await bookSeats({ ctx: testCtx(buyer.actor), input: { eventId: event.id, quantity: 1, idempotencyKey: randomUUID() } });
  return { event, organizer };
}

describe("a mail run whose SMTP server refuses connections", () => {
  beforeAll(() => {
    // Nothing listens on port 1: every delivery fails at once.
    env.SMTP_URL = "smtp://127.0.0.1:1";
  });
  afterAll(() => {
    env.SMTP_URL = undefined;
  });
  beforeEach(resetDatabase);

  it("waits the schedule's first delay before its retry, not the runner's backoff", async () => {
    await bookedEvent();
    const { outcome, stored, dueMs, executedMs } = await runOnce(sendOrderConfirmedEmailOnConfirm);

    expect(outcome).toBe("retrying");
    expect(stored).toMatchObject({ status: "queued", attempt: 1, maxAttempts: 21 });
    expect(stored.lastError).toMatchObject({ name: "RetryAfterError" });
    expect(dueMs).toBeGreaterThanOrEqual(mailRetryDelayMs(0));
    expect(dueMs).toBeLessThanOrEqual(mailRetryDelayMs(0) + executedMs);
  });

  it("waits the schedule's delay when the failure is inside a step (one batch of an event's holders)", async () => {
    const { event, organizer } = await bookedEvent();
    await updateEvent({ ctx: testCtx(organizer.actor), input: { id: event.id, version: event.version, venue: "Pier 9" } });
    const { outcome, stored, dueMs, executedMs } = await runOnce(sendEventChangedEmailsOnUpdate);

    expect(outcome).toBe("retrying");
    expect(stored.lastError).toMatchObject({ name: "RetryAfterError" });
    expect(dueMs).toBeGreaterThanOrEqual(mailRetryDelayMs(0));
    expect(dueMs).toBeLessThanOrEqual(mailRetryDelayMs(0) + executedMs);
  });
});
