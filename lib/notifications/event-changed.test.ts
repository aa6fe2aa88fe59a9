import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { sendEventChangedEmailsOnUpdate } from "@/inngest/functions/send-event-changed-emails";
import { getDb } from "@/lib/db/client";
import { createTestUser } from "@/lib/domain/auth/test-fixtures";
import { bookSeats, cancelBooking } from "@/lib/domain/bookings";
import { updateEvent } from "@/lib/domain/events";
import { publishedEvent } from "@/lib/domain/events/event-fixtures";
import { drainJobs } from "@/lib/jobs/drain";
import { listMailbox } from "@/lib/mail/list-mailbox";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { sendEventChangedEmails } from "./event-changed";

const runJobs = () => drainJobs({ db: getDb(), functions: [sendEventChangedEmailsOnUpdate], timeoutMs: 20_000 });
const changedMails = async (to: string) =>
  (await listMailbox(getDb(), { to, limit: 20 })).filter((m) => m.subject.startsWith("Event update"));

async function liveEvent() {
  const organizer = await createTestUser({ role: "organizer" });
  // The old venue is asserted in the change email; free, so each booking is confirmed at once.
  const event = await publishedEvent(organizer.actor, { venue: "Pier 4", capacity: 20, priceCents: 0 });
  return { event, organizer };
}

const book = (actor: Awaited<ReturnType<typeof createTestUser>>["actor"], eventId: string) =>
  bookSeats({ ctx: testCtx(actor), input: { eventId, quantity: 1, idempotencyKey: randomUUID() } }).then((r) => r.booking);

describe("event changed emails", () => {
  beforeEach(resetDatabase);

  it("tells each confirmed holder once when the venue or time changes, and nobody else", async () => {
    const { event, organizer } = await liveEvent();
    const [ann, ben, cleo] = await Promise.all([createTestUser(), createTestUser(), createTestUser()]);
    await book(ann.actor, event.id);
    await book(ann.actor, event.id);
    await book(ben.actor, event.id);
    const cancelled = await book(cleo.actor, event.id);
    await cancelBooking({ ctx: testCtx(cleo.actor), input: { id: cancelled.id } });

    await updateEvent({ ctx: testCtx(organizer.actor), input: { id: event.id, version: event.version, venue: "Pier 9" } });
    await runJobs();
    await runJobs();

    const annMails = await changedMails(ann.email);
    expect(annMails).toHaveLength(1);
    expect(annMails[0]!.text).toContain("Pier 9");
    expect(annMails[0]!.text).toContain("Pier 4");
    expect(await changedMails(ben.email)).toHaveLength(1);
    expect(await changedMails(cleo.email)).toHaveLength(0);
  });

  it("stays quiet for edits attendees do not need to hear about", async () => {
    const { event, organizer } = await liveEvent();
    const ann = await createTestUser();
    await book(ann.actor, event.id);
    await updateEvent({ ctx: testCtx(organizer.actor), input: { id: event.id, version: event.version, capacity: 30 } });
    await runJobs();
    expect(await changedMails(ann.email)).toHaveLength(0);
  });

  it("walks holders in batches without skipping or repeating anyone", async () => {
    const { event } = await liveEvent();
    const holders = await Promise.all(Array.from({ length: 5 }, () => createTestUser()));
    for (const h of holders) await book(h.actor, event.id);
    const schedule = { title: event.title, venue: event.venue, startsAt: new Date(event.startsAt).toISOString(), endsAt: new Date(event.endsAt).toISOString() };
    const input = { factId: randomUUID(), eventId: event.id, before: schedule, after: { ...schedule, venue: "Elsewhere" }, batchSize: 2 };
    let afterUserId: string | null = null;
    let total = 0;
    for (;;) {
      const run: { sent: number; lastUserId: string | null } = await sendEventChangedEmails({ ctx: testCtx(), input: { ...input, afterUserId } });
      if (!run.lastUserId) break;
      total += run.sent;
      afterUserId = run.lastUserId;
    }
    expect(total).toBe(5);
    for (const h of holders) expect(await changedMails(h.email)).toHaveLength(1);
  });

  it("is for the job runner only", async () => {
    const ann = await createTestUser();
    const schedule = { title: "t", venue: "v", startsAt: new Date().toISOString(), endsAt: new Date().toISOString() };
    await expect(
      sendEventChangedEmails({
        ctx: testCtx(ann.actor),
        input: { factId: "x", eventId: randomUUID(), before: schedule, after: schedule, afterUserId: null, batchSize: 10 },
      }),
    ).rejects.toMatchObject({ kind: "Forbidden" });
  });
});
