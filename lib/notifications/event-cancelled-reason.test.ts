import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { cancelEventBookingsOnCancel } from "@/inngest/functions/cancel-event-bookings";
import { sendBookingCancelledEmailOnCancel } from "@/inngest/functions/send-booking-cancelled-email";
import { getDb } from "@/lib/db/client";
import { createTestUser } from "@/lib/domain/auth/test-fixtures";
import { bookSeats } from "@/lib/domain/bookings";
import { cancelEvent } from "@/lib/domain/events";
import { publishedEvent } from "@/lib/domain/events/event-fixtures";
import { drainJobs } from "@/lib/jobs/drain";
import { listMailbox } from "@/lib/mail/list-mailbox";
import { resetDatabase, testCtx } from "@/tests/harness/db";

describe("event cancellation emails", () => {
  beforeEach(resetDatabase);

  it("carry the reason the organizer gave", async () => {
    const organizer = await createTestUser({ role: "organizer" });
    const event = await publishedEvent(organizer.actor, { priceCents: 0 });
    const ann = await createTestUser();
    await bookSeats({ ctx: testCtx(ann.actor), input: { eventId: event.id, quantity: 1, idempotencyKey: randomUUID() } });
    const cancelled = await cancelEvent({ ctx: testCtx(organizer.actor), input: { id: event.id, reason: "The venue flooded; a new date follows." } });
    expect(cancelled.cancellationReason).toBe("The venue flooded; a new date follows.");

    await drainJobs({ db: getDb(), functions: [cancelEventBookingsOnCancel, sendBookingCancelledEmailOnCancel], timeoutMs: 20_000 });
    const [mail] = (await listMailbox(getDb(), { to: ann.email, limit: 10 })).filter((m) => m.subject.startsWith("Event cancelled"));
    expect(mail?.text).toContain("The venue flooded; a new date follows.");
  });
});
