import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { createTestUser } from "@/lib/domain/auth/test-fixtures";
import { bookSeats, cancelBooking } from "@/lib/domain/bookings";
import { testCtx } from "@/tests/harness/db";
import { createEvent } from "./create-event";
import { eventInput, publishedEvent, resetEventsState, userActor } from "./event-fixtures";
import { getEventOrThrow } from "./get-event";
import { getOnlineUrl } from "./get-online-url";
import { updateEvent } from "./update-event";

const LINK = "https://meet.example.com/jazz-night";

describe("an online event's join link", () => {
  beforeEach(resetEventsState);

  it("is read by a ticket holder, the organizer and an admin, and by nobody else", async () => {
    const organizer = await createTestUser({ role: "organizer" });
    const holder = await createTestUser();
    const other = await createTestUser();
    const event = await publishedEvent(organizer.actor, { onlineUrl: LINK });
    await bookSeats({ ctx: testCtx(holder.actor), input: { eventId: event.id, quantity: 1, idempotencyKey: randomUUID() } });

    const read = (actor: Parameters<typeof testCtx>[0]) => getOnlineUrl({ ctx: testCtx(actor), input: { id: event.id } });
    expect(await read(holder.actor)).toBe(LINK);
    expect(await read(organizer.actor)).toBe(LINK);
    expect(await read(userActor("admin"))).toBe(LINK);
    expect(await read(other.actor)).toBeNull();
    expect(await read({ type: "anonymous" })).toBeNull();
  });

  it("is no longer read by a holder who cancelled their booking", async () => {
    const organizer = await createTestUser({ role: "organizer" });
    const holder = await createTestUser();
    const event = await publishedEvent(organizer.actor, { onlineUrl: LINK });
    const { booking } = await bookSeats({ ctx: testCtx(holder.actor), input: { eventId: event.id, quantity: 1, idempotencyKey: randomUUID() } });
    await cancelBooking({ ctx: testCtx(holder.actor), input: { id: booking.id } });
    expect(await getOnlineUrl({ ctx: testCtx(holder.actor), input: { id: event.id } })).toBeNull();
  });

  it("never appears in the event everyone may read, only that it is online", async () => {
    const organizer = userActor("organizer");
    const event = await publishedEvent(organizer, { onlineUrl: LINK });
    const seen = await getEventOrThrow({ ctx: testCtx({ type: "anonymous" }), input: { id: event.id } });
    expect(seen.isOnline).toBe(true);
    expect(JSON.stringify(seen)).not.toContain("meet.example.com");
  });

  it("is refused unless it is an https link, and can be removed again", async () => {
    const organizer = userActor("organizer");
    await expect(createEvent({ ctx: testCtx(organizer), input: eventInput({ onlineUrl: "http://meet.example.com/x" }) })).rejects.toThrow("must be an https:// link");
    const event = await publishedEvent(organizer, { onlineUrl: LINK });
    const inPerson = await updateEvent({ ctx: testCtx(organizer), input: { id: event.id, version: event.version, onlineUrl: null } });
    expect(inPerson.isOnline).toBe(false);
    expect(await getOnlineUrl({ ctx: testCtx(organizer), input: { id: event.id } })).toBeNull();
  });
});
