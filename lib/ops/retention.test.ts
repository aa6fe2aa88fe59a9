import { randomUUID } from "node:crypto";
import { count, eq, inArray } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { eventLog } from "@/lib/domain/analytics/schema";
import { refreshTokens, securityEvents, users, userSessions, verificationCodes } from "@/lib/domain/auth/schema";
import { createTestTokens, createTestUser } from "@/lib/domain/auth/test-fixtures";
import { createEvent } from "@/lib/domain/events";
import { eventInput } from "@/lib/domain/events/event-fixtures";
import { auditLog, idempotencyKeys } from "@/lib/domain/bookings/schema";
import { Forbidden, Unauthenticated } from "@/lib/domain/errors";
import { mailbox } from "@/lib/mail/schema";
import { applyRetention } from "@/inngest/functions/apply-retention";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { applyRetentionRule, jobHistoryRetention, retentionRules, type RetentionRule } from "./retention";

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);
const rule = (name: string): RetentionRule => retentionRules().find((r) => r.name === name)!;

beforeEach(resetDatabase);

/** Rows on both sides of each default retention boundary, one day either way. */
async function seedAround(days: Record<string, number>) {
  const db = getDb();
  for (const age of [days.audit! + 1, days.audit! + 1, days.audit! + 1, days.audit! - 1]) {
    await db.insert(auditLog).values({ eventId: randomUUID(), action: "booking.created", requestId: "r", at: daysAgo(age) });
  }
  for (const age of [days.idempotency! + 1, days.idempotency! - 1]) {
    await db.insert(idempotencyKeys).values({ userId: randomUUID(), key: randomUUID(), requestHash: "h", outcome: {}, createdAt: daysAgo(age) });
  }
  for (const age of [days.security! + 1, days.security! - 1]) {
    await db.insert(securityEvents).values({ type: "sign_in_failed", requestId: "r", createdAt: daysAgo(age) });
  }
  for (const age of [days.eventLog! + 1, days.eventLog! - 1]) {
    await db.insert(eventLog).values({ outboxId: randomUUID(), name: "booking.confirmed", appliedAt: daysAgo(age) });
  }
  for (const [age, sent] of [[days.mailbox! + 1, true], [days.mailbox! + 1, false], [days.mailbox! - 1, true]] as const) {
    const at = daysAgo(age);
    await db
      .insert(mailbox)
      .values({ dedupeKey: randomUUID(), toAddress: "a@example.test", subject: "s", text: "t", html: "h", transport: "smtp", createdAt: at, sentAt: sent ? at : null });
  }
}

const rows = async (table: PgTable) => Number((await getDb().select({ n: count() }).from(table))[0]!.n);

describe("retention", () => {
  it("deletes exactly what is older than each retention, in batches, through each domain's verb", async () => {
    await seedAround({ audit: 365, idempotency: 2, security: 180, eventLog: 90, mailbox: 7 });
    const ctx = testCtx();

    const audit = await applyRetentionRule(ctx, rule("booking-audit-log"), 2);
    expect(audit.deleted).toBe(3);
    expect(await rows(auditLog)).toBe(1);
    for (const name of ["idempotency-keys", "security-log", "analytics-event-log"]) {
      expect((await applyRetentionRule(ctx, rule(name), 2)).deleted).toBe(1);
    }
    expect(await rows(idempotencyKeys)).toBe(1);
    expect(await rows(securityEvents)).toBe(1);
    expect(await rows(eventLog)).toBe(1);
    expect((await applyRetentionRule(ctx, rule("mailbox"))).deleted).toBe(1);
    expect(await rows(mailbox)).toBe(2);
  });

  it("is a daily cron function with one step per rule", async () => {
    const triggers = (applyRetention.opts as { triggers: { cron: string }[] }).triggers;
    expect(triggers).toEqual([{ cron: "47 3 * * *" }]);
    expect(retentionRules().map((r) => r.days)).toEqual([365, 180, 90, 2, 30, 7, 7]);
    expect(jobHistoryRetention()).toEqual({ completedDays: 14, deadDays: 30, eventDays: 14 });
  });

  it("keeps everything when a retention is 0 days", async () => {
    await seedAround({ audit: 365, idempotency: 2, security: 180, eventLog: 90, mailbox: 7 });
    const outcome = await applyRetentionRule(testCtx(), { ...rule("booking-audit-log"), days: 0 });
    expect(outcome.deleted).toBe(0);
    expect(await rows(auditLog)).toBe(4);
  });

  it("refuses anyone but the system to purge", async () => {
    const before = new Date();
    const anonymous = testCtx({ type: "anonymous" });
    await expect(rule("booking-audit-log").purge({ ctx: anonymous, input: { before, limit: 10 } })).rejects.toBeInstanceOf(Unauthenticated);
    const organizer = { type: "user" as const, userId: randomUUID(), role: "organizer" as const, emailVerified: true, sessionId: null };
    for (const name of ["booking-audit-log", "idempotency-keys", "security-log", "analytics-event-log", "webhook-deliveries", "unverified-accounts"]) {
      await expect(rule(name).purge({ ctx: testCtx(organizer), input: { before, limit: 10 } })).rejects.toBeInstanceOf(Forbidden);
    }
  });

  it("purges accounts still unverified after 7 days with their sessions, tokens and code, and keeps the rest", async () => {
    const db = getDb();
    const stale = await createTestTokens({ verified: false });
    await db.insert(verificationCodes).values({ userId: stale.userId, codeHash: "h", expiresAt: daysAgo(8) });
    const fresh = await createTestUser({ verified: false });
    const verified = await createTestUser({ verified: true });
    const staleOrganizer = await createTestUser({ role: "organizer", verified: false });
    // An event made for them before unverified organizers were refused: its owner must stay.
    await createEvent({ ctx: testCtx(), input: { ...eventInput(), organizerId: staleOrganizer.id } });
    const aged = [stale.userId, verified.id, staleOrganizer.id];
    await db.update(users).set({ createdAt: daysAgo(8) }).where(inArray(users.id, aged));
    await db.update(users).set({ createdAt: daysAgo(6) }).where(eq(users.id, fresh.id));

    const outcome = await applyRetentionRule(testCtx(), rule("unverified-accounts"), 1);

    expect(outcome.deleted).toBe(1);
    const left = (await db.select({ id: users.id }).from(users)).map((u) => u.id).sort();
    expect(left).toEqual([fresh.id, verified.id, staleOrganizer.id].sort());
    expect(await db.select().from(userSessions).where(eq(userSessions.userId, stale.userId))).toEqual([]);
    expect(await db.select().from(verificationCodes)).toEqual([]);
    expect(await rows(refreshTokens)).toBe(0);
  });
});
