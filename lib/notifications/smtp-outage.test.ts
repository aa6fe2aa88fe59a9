import { randomUUID } from "node:crypto";
import { and, eq, max } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sendOrderConfirmedEmailOnConfirm } from "@/inngest/functions/send-order-confirmed-email";
import { getDb } from "@/lib/db/client";
import { createTestUser } from "@/lib/domain/auth/test-fixtures";
import { bookSeats } from "@/lib/domain/bookings";
import { publishedEvent } from "@/lib/domain/events/event-fixtures";
import { env } from "@/lib/env";
import { drainJobs } from "@/lib/jobs/drain";
import { jobRuns } from "@/lib/jobs/schema";
import { mailbox } from "@/lib/mail/schema";
import { startSmtpTestServer, type ReceivedMail, type SmtpTestServer } from "@/lib/mail/smtp-test-server";
import { sharedCircuit } from "@/lib/resilience/circuits";
import { resetDatabase, testCtx } from "@/tests/harness/db";

/**
 * Production time runs TIME_SCALE times faster here: the mail retry schedule (and the SMTP
 * circuit's wait before a trial call) is divided by it, so minutes of outage take a second or two.
 */
const { TIME_SCALE } = vi.hoisted(() => ({ TIME_SCALE: 60 }));
vi.mock("./mail-retry-schedule", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./mail-retry-schedule")>();
  return { ...actual, mailRetryDelayMs: (failedAttempt: number) => actual.mailRetryDelayMs(failedAttempt) / TIME_SCALE };
});

const EMAILS = 6;
/** In production time: the SMTP server is gone for five minutes. */
const OUTAGE_MS = 5 * 60_000;
/** The old policy: 4 retries doubling from 1 s, so 5 attempts within about 15 s of production time. */
const OLD_POLICY_ATTEMPTS = 5;
const OLD_POLICY_SPAN_MS = 1_000 + 2_000 + 4_000 + 8_000;

describe("an SMTP outage of several minutes in the middle of a drain", () => {
  let server: SmtpTestServer;
  const received: ReceivedMail[] = [];

  beforeAll(async () => {
    // Created before anything sends mail, so the process-wide circuit takes the scaled trial wait.
    sharedCircuit({ name: "smtp", timeoutMs: 30_000, failuresToOpen: 3, halfOpenAfterMs: 10_000 / TIME_SCALE });
    server = await startSmtpTestServer();
    env.SMTP_URL = server.url;
  });
  afterAll(async () => {
    env.SMTP_URL = undefined;
    await server.close();
  });

  it("delivers every confirmation once it is back: none dead, none twice", { timeout: 120_000 }, async () => {
    expect(OUTAGE_MS).toBeGreaterThan(10 * OLD_POLICY_SPAN_MS);
    await resetDatabase();
    const organizer = await createTestUser({ role: "organizer" });
    // Free, so each booking is confirmed and mailed at once (a paid one waits for payment first).
    const event = await publishedEvent(organizer.actor, { capacity: EMAILS, priceCents: 0 });
    const buyers = await Promise.all(Array.from({ length: EMAILS }, () => createTestUser()));
    for (const buyer of buyers) {
      await bookSeats({ ctx: testCtx(buyer.actor), input: { eventId: event.id, quantity: 1, idempotencyKey: randomUUID() } });
    }

    // The server goes down once the first confirmations went out, and comes back on the same port
    // after OUTAGE_MS, and not before some run has failed as often as the old policy allowed in
    // all (5 attempts): on a loaded machine attempts come slower, and the test must still prove
    // that a run outlives what used to kill it.
    const port = Number(new URL(server.url).port);
    const functionId = "send-order-confirmed-email";
    const mostFailures = async () => {
      const [row] = await getDb().select({ attempts: max(jobRuns.attempt) }).from(jobRuns).where(eq(jobRuns.functionId, functionId));
      return row?.attempts ?? 0;
    };
    let outage: Promise<void> | undefined;
    let drained = false;
    const watch = setInterval(() => {
      if (outage || server.received.length < 2) return;
      outage = (async () => {
        const down = server;
        await down.close();
        received.push(...down.received);
        await new Promise((r) => setTimeout(r, OUTAGE_MS / TIME_SCALE));
        while (!drained && (await mostFailures()) < OLD_POLICY_ATTEMPTS) await new Promise((r) => setTimeout(r, 20));
        server = await startSmtpTestServer({ port });
      })();
    }, 5);
    const result = await drainJobs({ db: getDb(), functions: [sendOrderConfirmedEmailOnConfirm], timeoutMs: 100_000 });
    drained = true;
    clearInterval(watch);
    await outage;
    received.push(...server.received);

    expect(outage).toBeDefined();
    expect(result.dead).toBe(0);
    expect(result.retrying).toBeGreaterThan(0);
    expect(await getDb().$count(jobRuns, and(eq(jobRuns.functionId, functionId), eq(jobRuns.status, "completed")))).toBe(EMAILS);
    // Some run needed more attempts than the old policy allowed: it would have died there.
    expect(await mostFailures()).toBeGreaterThanOrEqual(OLD_POLICY_ATTEMPTS);

    expect(received).toHaveLength(EMAILS);
    expect(received.map((m) => m.to[0]).sort()).toEqual(buyers.map((b) => b.email.toLowerCase()).sort());
    const rows = await getDb().select({ sentAt: mailbox.sentAt }).from(mailbox);
    expect(rows).toHaveLength(EMAILS);
    expect(rows.every((r) => r.sentAt !== null)).toBe(true);
  });
});
