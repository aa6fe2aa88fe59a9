import { beforeEach, describe, expect, it } from "vitest";
import { createTicketType } from "@/lib/domain/bookings";
import { anonymous } from "@/lib/domain/context";
import { testCtx } from "@/tests/harness/db";
import { createEvent } from "./create-event";
import { draftEvent, eventInput, publishedEvent, resetEventsState, userActor } from "./event-fixtures";
import { getEventOrThrow } from "./get-event";
import { listEvents } from "./list-events";
import { updateEvent } from "./update-event";

describe("an event's ticket types and hold time", () => {
  beforeEach(resetEventsState);

  it("creates an event with the ticket types it was given, in that order, and its hold minutes", async () => {
    const owner = userActor("organizer");
    const event = await createEvent({
      ctx: testCtx(owner),
      input: eventInput({
        capacity: 50,
        holdMinutes: 15,
        ticketTypes: [
          { name: "Early bird", priceCents: 1500, capacity: 10, salesEndAt: "2030-01-01T00:00:00Z" },
          { name: "Regular", priceCents: 2500 },
        ],
      }),
    });
    expect(event.holdMinutes).toBe(15);
    expect(event.priceCents).toBe(2500);
    expect(event.ticketTypes).toEqual([
      expect.objectContaining({ name: "Early bird", priceCents: 1500, capacity: 10, seatsAvailable: 10, salesEndAt: "2030-01-01T00:00:00.000Z", perOrderMax: 10, hidden: false }),
      expect.objectContaining({ name: "Regular", priceCents: 2500, capacity: null, seatsAvailable: 50 }),
    ]);
  });

  it("refuses hold minutes outside 1–60 and a type whose sales end before they start", async () => {
    const owner = userActor("organizer");
    await expect(createEvent({ ctx: testCtx(owner), input: eventInput({ holdMinutes: 61 }) })).rejects.toMatchObject({ name: "ZodError" });
    await expect(
      createEvent({ ctx: testCtx(owner), input: eventInput({ ticketTypes: [{ name: "X", priceCents: 0, salesStartAt: "2030-02-01T00:00:00Z", salesEndAt: "2030-01-01T00:00:00Z" }] }) }),
    ).rejects.toMatchObject({ name: "ZodError" });
  });

  it("shows hidden types to the organizer and admins only, also on the cached public list", async () => {
    const owner = userActor("organizer");
    const event = await publishedEvent(owner);
    await createTicketType({ ctx: testCtx(owner), input: { eventId: event.id, name: "Backstage", priceCents: 9900, hidden: true } });
    const names = (e: { ticketTypes: { name: string }[] }) => e.ticketTypes.map((t) => t.name);
    expect(names(await getEventOrThrow({ ctx: testCtx(owner), input: { id: event.id } }))).toEqual(["General admission", "Backstage"]);
    expect(names(await getEventOrThrow({ ctx: testCtx(userActor("admin")), input: { id: event.id } }))).toEqual(["General admission", "Backstage"]);
    expect(names(await getEventOrThrow({ ctx: testCtx(anonymous), input: { id: event.id } }))).toEqual(["General admission"]);
    // The organizer fills the shared cache first: what anyone then reads from it stays public.
    expect(names((await listEvents({ ctx: testCtx(owner), input: {} })).data[0]!)).toEqual(["General admission"]);
    expect(names((await listEvents({ ctx: testCtx(anonymous), input: {} })).data[0]!)).toEqual(["General admission"]);
    const managed = await listEvents({ ctx: testCtx(owner), input: { scope: "manage" } });
    expect(names(managed.data[0]!)).toEqual(["General admission", "Backstage"]);
  });

  it("keeps a single type's price in step with the event's, and leaves several types alone", async () => {
    const owner = userActor("organizer");
    const single = await draftEvent(owner, { priceCents: 2000 });
    const edited = await updateEvent({ ctx: testCtx(owner), input: { id: single.id, version: single.version, priceCents: 3000, holdMinutes: 30 } });
    expect(edited).toMatchObject({ priceCents: 3000, holdMinutes: 30 });
    expect(edited.ticketTypes.map((t) => t.priceCents)).toEqual([3000]);

    const several = await draftEvent(owner, { priceCents: 2000 });
    await createTicketType({ ctx: testCtx(owner), input: { eventId: several.id, name: "VIP", priceCents: 8000 } });
    const after = await updateEvent({ ctx: testCtx(owner), input: { id: several.id, version: several.version, priceCents: 1000 } });
    expect(after.priceCents).toBe(1000);
    expect(after.ticketTypes.map((t) => t.priceCents)).toEqual([2000, 8000]);
  });
});
