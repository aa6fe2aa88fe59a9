import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { sendEventRemindersOnSchedule } from "@/inngest/functions/send-event-reminders";
import { getDb } from "@/lib/db/client";
import { createTestUser } from "@/lib/domain/auth/test-fixtures";
import { bookSeats, cancelBooking } from "@/lib/domain/bookings";
import { cancelEvent, updateEvent } from "@/lib/domain/events";
import { publishedEvent } from "@/lib/domain/events/event-fixtures";
import { drainJobs } from "@/lib/jobs/drain";
import { jobRuns } from "@/lib/jobs/schema";
import { listMailbox } from "@/lib/mail/list-mailbox";
import { resetDatabase, testCtx } from "@/tests/harness/db";

const HOUR = 3_600_000;
const FN = "send-event-reminders";

/** Runs the reminder function until only sleeping runs are left (or none). */
async function runJobs() {
  // A drain leaves runs sleeping past its deadline queued, as reminders days ahead are.
  await drainJobs({ db: getDb(), functions: [sendEventRemindersOnSchedule], timeoutMs: 1_500 });
}

const sleepingRuns = () =>
  getDb()
    .select({ id: jobRuns.id, runAt: jobRuns.runAt })
    .from(jobRuns)
    .where(and(eq(jobRuns.functionId, FN), eq(jobRuns.status, "queued")))
    .orderBy(jobRuns.runAt);

/** The controllable clock: every sleeping reminder run wakes now, as if its time had come. */
async function timePasses() {
  await getDb().update(jobRuns).set({ runAt: sql`now()` }).where(and(eq(jobRuns.functionId, FN), eq(jobRuns.status, "queued")));
  await runJobs();
}

const reminders = async (to: string) => (await listMailbox(getDb(), { to, limit: 20 })).filter((m) => m.subject.startsWith("Reminder:"));

async function scene() {
  const organizer = await createTestUser({ role: "organizer" });
  const startsAt = new Date(Date.now() + 3 * 24 * HOUR);
  startsAt.setUTCHours(23, 30, 0, 0);
  const event = await publishedEvent(organizer.actor, {
    priceCents: 0,
    timezone: "America/New_York",
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3 * HOUR).toISOString(),
  });
  const [ann, cleo] = await Promise.all([createTestUser(), createTestUser()]);
  await bookSeats({ ctx: testCtx(ann.actor), input: { eventId: event.id, quantity: 2, idempotencyKey: randomUUID() } });
  const { booking } = await bookSeats({ ctx: testCtx(cleo.actor), input: { eventId: event.id, quantity: 1, idempotencyKey: randomUUID() } });
  await cancelBooking({ ctx: testCtx(cleo.actor), input: { id: booking.id } });
  return { organizer, event, ann, cleo, startsAt };
}

describe("event reminders", () => {
  beforeEach(resetDatabase);

  it("are scheduled 24 h and 2 h before the start and reach confirmed holders only, with the time in the event's zone", async () => {
    const { ann, cleo, startsAt } = await scene();
    await runJobs();
    expect((await sleepingRuns()).map((r) => r.runAt.toISOString())).toEqual([new Date(startsAt.getTime() - 24 * HOUR).toISOString()]);
    expect(await reminders(ann.email)).toHaveLength(0);

    await timePasses();
    const dayBefore = await reminders(ann.email);
    expect(dayBefore.map((m) => m.subject)).toEqual([expect.stringContaining("starts tomorrow")]);
    // 23:30 UTC is 18:30 or 19:30 in New York, depending on daylight saving time.
    expect(dayBefore[0]!.text).toMatch(/at 1[89]:30 E[SD]T/);
    expect((await sleepingRuns()).map((r) => r.runAt.toISOString())).toEqual([new Date(startsAt.getTime() - 2 * HOUR).toISOString()]);

    await timePasses();
    expect((await reminders(ann.email)).map((m) => m.subject).sort()).toEqual([expect.stringContaining("in 2 hours"), expect.stringContaining("tomorrow")]);
    expect(await reminders(cleo.email)).toHaveLength(0);
    expect(await sleepingRuns()).toHaveLength(0);
  });

  it("are rescheduled when the start moves: the old schedule wakes and sends nothing, the new one reminds of the new time", async () => {
    const { organizer, event, ann, startsAt } = await scene();
    await runJobs();
    const later = new Date(startsAt.getTime() + 24 * HOUR);
    await updateEvent({
      ctx: testCtx(organizer.actor),
      input: { id: event.id, version: event.version, startsAt: later.toISOString(), endsAt: new Date(later.getTime() + 3 * HOUR).toISOString() },
    });
    await runJobs();
    expect((await sleepingRuns()).map((r) => r.runAt.toISOString())).toEqual([
      new Date(startsAt.getTime() - 24 * HOUR).toISOString(),
      new Date(later.getTime() - 24 * HOUR).toISOString(),
    ]);

    await timePasses();
    const mails = await reminders(ann.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(String(later.getUTCDate()));
    // Only the new schedule still sleeps, until 2 h before the new start.
    expect((await sleepingRuns()).map((r) => r.runAt.toISOString())).toEqual([new Date(later.getTime() - 2 * HOUR).toISOString()]);
  });

  it("are skipped for a cancelled event", async () => {
    const { organizer, event, ann } = await scene();
    await runJobs();
    await cancelEvent({ ctx: testCtx(organizer.actor), input: { id: event.id, reason: "The venue flooded." } });
    await timePasses();
    expect(await reminders(ann.email)).toHaveLength(0);
    expect(await sleepingRuns()).toHaveLength(0);
  });
});
