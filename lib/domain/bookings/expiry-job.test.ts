import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { expireOrderWhenHoldLapses } from "@/inngest/functions/expire-lapsed-orders";
import { getDb } from "@/lib/db/client";
import { drainJobs } from "@/lib/jobs/drain";
import { jobRuns } from "@/lib/jobs/schema";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { bookSeats } from "./book-seats";
import { bookings, eventInventory } from "./schema";
import { attendee, publishedEvent } from "./test-fixtures";

describe("the expiry job", () => {
  beforeEach(resetDatabase);

  it("expires an unpaid order once its hold lapses and gives its seats back, leaving a paid-for-later one alone until then", async () => {
    const event = await publishedEvent({ capacity: 3, priceCents: 900 });
    const lapsedAt = new Date(Date.now() - 11 * 60_000);
    const { booking: lapsed } = await bookSeats({ ctx: testCtx(attendee(), { now: () => lapsedAt }), input: { eventId: event.eventId, quantity: 2, idempotencyKey: randomUUID() } });
    const { booking: fresh } = await bookSeats({ ctx: testCtx(attendee()), input: { eventId: event.eventId, quantity: 1, idempotencyKey: randomUUID() } });
    // Only the lapsed order's run is due; the fresh one's sleeps for ten minutes, past this
    // drain's deadline, so the drain leaves it sleeping.
    const drained = await drainJobs({ db: getDb(), functions: [expireOrderWhenHoldLapses], timeoutMs: 3_000 });
    expect(drained.completed).toBe(1);
    const sleeping = await getDb().select().from(jobRuns).where(eq(jobRuns.status, "queued"));
    expect(sleeping).toHaveLength(1);
    expect(sleeping[0]!.runAt.getTime()).toBeGreaterThan(Date.now() + 9 * 60_000);
    const rows = await getDb().select({ id: bookings.id, status: bookings.status }).from(bookings).where(eq(bookings.eventId, event.eventId));
    expect(new Map(rows.map((r) => [r.id, r.status]))).toEqual(new Map([[lapsed.id, "expired"], [fresh.id, "awaiting_payment"]]));
    const [inv] = await getDb().select().from(eventInventory).where(eq(eventInventory.eventId, event.eventId));
    expect(inv).toMatchObject({ sold: 1, held: 0 });
  });
});
