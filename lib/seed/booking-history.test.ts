import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { findAnalyticsDrift } from "@/lib/domain/analytics";
import { dailyStats, eventStats } from "@/lib/domain/analytics/schema";
import { seedUsers } from "@/lib/domain/auth";
import { drainJobs } from "@/lib/jobs/drain";
import { logger } from "@/lib/log/logger";
import { functions } from "@/inngest/functions";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { seedBookingHistory } from "./booking-history";
import { seedDemoEvents } from "./demo-events";

// Cron ticks and the expiry run that sleeps until an order's hold lapses (ten minutes) would hold the drain.
const eventFunctions = functions.filter(
  (fn) => !((fn.opts as { triggers?: { cron?: string }[] }).triggers ?? []).some((t) => t.cron) && fn.id() !== "expire-order-when-hold-lapses",
);

describe("seedBookingHistory", () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedUsers({ ctx: testCtx(), input: { demo: true } });
    await seedDemoEvents({ db: getDb(), log: logger });
    await seedBookingHistory({ db: getDb(), log: logger });
    await drainJobs({ db: getDb(), functions: eventFunctions, timeoutMs: 60_000 });
  }, 120_000);

  it("spreads real bookings, cancellations and refunds over past UTC days, and the analytics built from them agree with the bookings tables", async () => {
    const days = await getDb().selectDistinct({ date: dailyStats.date }).from(dailyStats);
    expect(days.length).toBeGreaterThan(10);
    const stats = await getDb().select().from(eventStats);
    expect(stats.filter((s) => s.seatsSold > 0).length).toBeGreaterThan(5);
    expect(days.length).toBeLessThanOrEqual(22);
    expect(stats.reduce((n, s) => n + s.seatsSold, 0)).toBeGreaterThan(100);
    expect(stats.some((s) => s.bookingsCancelled > 0)).toBe(true);
    // Demo buyers cancel paid orders within the events' refund windows: refunds show in the figures.
    expect(stats.some((s) => s.refundsCents > 0)).toBe(true);
    expect(await findAnalyticsDrift({ ctx: testCtx(), input: { days: 30 } })).toMatchObject({ driftEvents: 0 });
  });

  it("adds nothing when run again", async () => {
    const before = await getDb().select().from(eventStats);
    await seedBookingHistory({ db: getDb(), log: logger });
    await drainJobs({ db: getDb(), functions: eventFunctions, timeoutMs: 60_000 });
    expect(await getDb().select().from(eventStats)).toEqual(before);
  });
});
