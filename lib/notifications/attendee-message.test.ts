import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { sendAttendeeMessage } from "@/inngest/functions/send-attendee-message";
import { getDb } from "@/lib/db/client";
import { createTestUser } from "@/lib/domain/auth/test-fixtures";
import { cancelBooking, countMessageRecipients, listAttendeeMessages, messageAttendees, placeOrder } from "@/lib/domain/bookings";
import { publishedEvent } from "@/lib/domain/events/event-fixtures";
import { drainJobs } from "@/lib/jobs/drain";
import { listMailbox } from "@/lib/mail/list-mailbox";
import { resetDatabase, testCtx } from "@/tests/harness/db";

const payment = { provider: "test", checkoutUrl: null };
const messages = async (to: string) => (await listMailbox(getDb(), { to, limit: 20 })).filter((m) => m.subject.includes("Doors open"));

async function scene() {
  const organizer = await createTestUser({ role: "organizer" });
  const event = await publishedEvent(organizer.actor, {
    priceCents: 0,
    ticketTypes: [
      { name: "Standing", priceCents: 0 },
      { name: "VIP", priceCents: 0 },
    ],
  });
  const [standing, vip] = event.ticketTypes;
  const [ann, ben, cleo] = await Promise.all([createTestUser(), createTestUser(), createTestUser()]);
  const buy = (who: typeof ann, typeId: string) =>
    placeOrder({ ctx: testCtx(who.actor), input: { eventId: event.id, items: [{ ticketTypeId: typeId, quantity: 1 }], idempotencyKey: randomUUID(), payment } });
  await buy(ann, standing!.id);
  await buy(ben, vip!.id);
  const { order: cancelled } = await buy(cleo, vip!.id);
  await cancelBooking({ ctx: testCtx(cleo.actor), input: { id: cancelled.id } });
  return { organizer, event, ann, ben, cleo, vip: vip! };
}

const write = { subject: "Doors open at 18:30", body: "Doors open half an hour early.\n\nBring a jacket." };

describe("messages to attendees", () => {
  beforeEach(resetDatabase);

  it("reach every confirmed holder once, and the sent-messages list counts them", async () => {
    const { organizer, event, ann, ben, cleo } = await scene();
    expect(await countMessageRecipients({ ctx: testCtx(organizer.actor), input: { eventId: event.id } })).toBe(2);
    await messageAttendees({ ctx: testCtx(organizer.actor), input: { eventId: event.id, ...write } });
    await drainJobs({ db: getDb(), functions: [sendAttendeeMessage], timeoutMs: 20_000 });

    expect(await messages(ann.email)).toHaveLength(1);
    expect((await messages(ben.email))[0]!.text).toContain("Bring a jacket.");
    expect(await messages(cleo.email)).toHaveLength(0);
    const [logged] = await listAttendeeMessages({ ctx: testCtx(organizer.actor), input: { eventId: event.id } });
    expect(logged).toMatchObject({ subject: write.subject, audience: "all", status: "sent", recipients: 2 });
  });

  it("reach only the holders of the chosen ticket type", async () => {
    const { organizer, event, ann, ben, vip } = await scene();
    expect(await countMessageRecipients({ ctx: testCtx(organizer.actor), input: { eventId: event.id, ticketTypeId: vip.id } })).toBe(1);
    await messageAttendees({ ctx: testCtx(organizer.actor), input: { eventId: event.id, ticketTypeId: vip.id, ...write } });
    await drainJobs({ db: getDb(), functions: [sendAttendeeMessage], timeoutMs: 20_000 });
    expect(await messages(ben.email)).toHaveLength(1);
    expect(await messages(ann.email)).toHaveLength(0);
  });

  it("may be written only by the event's organizer", async () => {
    const { event, ann } = await scene();
    const stranger = await createTestUser({ role: "organizer" });
    await expect(messageAttendees({ ctx: testCtx(stranger.actor), input: { eventId: event.id, ...write } })).rejects.toMatchObject({ kind: "Forbidden" });
    await expect(messageAttendees({ ctx: testCtx(ann.actor), input: { eventId: event.id, ...write } })).rejects.toMatchObject({ kind: "Forbidden" });
    await expect(listAttendeeMessages({ ctx: testCtx(stranger.actor), input: { eventId: event.id } })).rejects.toMatchObject({ kind: "Forbidden" });
  });
});
