import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { promoteWaitlistOnRelease } from "@/inngest/functions/promote-waitlist";
import { getDb } from "@/lib/db/client";
import { drainJobs } from "@/lib/jobs/drain";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { bookSeats } from "./book-seats";
import { joinWaitlist } from "./join-waitlist";
import { bookingItems, bookings, eventInventory, waitlistEntries } from "./schema";
import { attendee, publishedEvent } from "./test-fixtures";
import { upsertEventInventory } from "./upsert-event-inventory";

const WAITING = 200;

async function bookedEntries(eventId: string): Promise<number> {
  const [row] = await getDb()
    .select({ n: count() })
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.eventId, eventId), eq(waitlistEntries.status, "booked")));
  return row!.n;
}

describe("a promotion worker killed mid-run", () => {
  let child: ChildProcess | undefined;
  beforeEach(resetDatabase);
  afterEach(() => void child?.kill("SIGKILL"));

  it("still ends with each freed seat booked exactly once", async () => {
    const event = await publishedEvent({ capacity: WAITING, perUserLimit: 10 });
    for (let n = 0; n < WAITING / 10; n++) {
      await bookSeats({ ctx: testCtx(attendee()), input: { eventId: event.eventId, quantity: 10, idempotencyKey: randomUUID() } });
    }
    for (let n = 0; n < WAITING; n++) await joinWaitlist({ ctx: testCtx(attendee()), input: { eventId: event.eventId, quantity: 1 } });
    // The organizer doubles the capacity: WAITING seats are freed for the line in one release.
    await upsertEventInventory({ ctx: testCtx(), input: { ...event, capacity: WAITING * 2 } });

    child = spawn(process.execPath, ["--import", "tsx", path.join("lib", "domain", "bookings", "promotion-worker-process.ts")], {
      env: process.env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise((resolve) => child!.once("exit", resolve));
    let atKill = 0;
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 5))) {
      atKill = await bookedEntries(event.eventId);
      if (atKill >= 20) break;
    }
    child.kill("SIGKILL");
    await exited;
    atKill = await bookedEntries(event.eventId);
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(WAITING);

    await drainJobs({ db: getDb(), functions: [promoteWaitlistOnRelease], timeoutMs: 30_000 });

    expect(await bookedEntries(event.eventId)).toBe(WAITING);
    const promoted = await getDb().select().from(bookings).where(and(eq(bookings.eventId, event.eventId), eq(bookings.source, "waitlist")));
    expect(promoted).toHaveLength(WAITING);
    expect(new Set(promoted.map((b) => b.userId)).size).toBe(WAITING);
    const entries = await getDb().select().from(waitlistEntries).where(eq(waitlistEntries.eventId, event.eventId));
    expect(new Set(entries.map((e) => e.bookingId)).size).toBe(WAITING);
    const [inv] = await getDb().select().from(eventInventory).where(eq(eventInventory.eventId, event.eventId));
    expect(inv).toMatchObject({ sold: WAITING * 2, held: 0, capacity: WAITING * 2 });
    expect(await getDb().$count(bookingItems)).toBe(WAITING * 2);
  });
});
