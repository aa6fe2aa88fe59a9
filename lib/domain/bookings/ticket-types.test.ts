import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, getDb } from "@/lib/db/client";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { bookSeats } from "./book-seats";
import { createTicketType } from "./create-ticket-type";
import { deleteTicketType } from "./delete-ticket-type";
import { listTicketTypes } from "./list-ticket-types";
import { reorderTicketTypes } from "./reorder-ticket-types";
import { retireTicketType } from "./retire-ticket-type";
import { ticketTypes } from "./schema";
import { attendee, publishedEvent } from "./test-fixtures";
import { updateTicketType } from "./update-ticket-type";

const racers = createDb(process.env.DATABASE_URL!, { max: 8 });
afterAll(() => racers.$client.end());

const ownerOf = (event: { organizerId: string }) => ({ ...attendee({ role: "organizer" }), userId: event.organizerId });
const admin = () => attendee({ role: "admin" });

async function eventWithGeneralAdmission(overrides: Parameters<typeof publishedEvent>[0] = {}) {
  const event = await publishedEvent({ priceCents: 0, ...overrides });
  const [general] = await getDb().select().from(ticketTypes).where(eq(ticketTypes.eventId, event.eventId));
  return { event, general: general!, owner: ownerOf(event) };
}

describe("ticket type management", () => {
  beforeEach(resetDatabase);

  it("adds a type at the end of the list with its own quota, and shows the smaller of its room and the event's", async () => {
    const { event, owner } = await eventWithGeneralAdmission({ capacity: 10 });
    const vip = await createTicketType({ ctx: testCtx(owner), input: { eventId: event.eventId, name: "VIP", priceCents: 9000, capacity: 20, perOrderMax: 4 } });
    expect(vip).toMatchObject({ name: "VIP", priceCents: 9000, capacity: 20, position: 1, perOrderMax: 4, hidden: false, sold: 0, retiredAt: null });
    expect(vip.seatsAvailable).toBe(10);
    const small = await createTicketType({ ctx: testCtx(admin()), input: { eventId: event.eventId, name: "Balcony", priceCents: 500, capacity: 3 } });
    expect(small).toMatchObject({ position: 2, seatsAvailable: 3 });
    const list = await listTicketTypes({ ctx: testCtx(owner), input: { eventId: event.eventId } });
    expect(list.map((t) => t.name)).toEqual(["General admission", "VIP", "Balcony"]);
  });

  it("refuses a capacity below what the type sold with CAPACITY_BELOW_SOLD, and accepts exactly what it sold", async () => {
    const { event, general, owner } = await eventWithGeneralAdmission({ capacity: 10 });
    await bookSeats({ ctx: testCtx(attendee()), input: { eventId: event.eventId, quantity: 3, idempotencyKey: randomUUID() } });
    const below = updateTicketType({ ctx: testCtx(owner), input: { eventId: event.eventId, ticketTypeId: general.id, capacity: 2 } });
    await expect(below).rejects.toMatchObject({ kind: "Validation", code: "CAPACITY_BELOW_SOLD", fieldErrors: [{ path: "capacity" }] });
    const exact = await updateTicketType({ ctx: testCtx(owner), input: { eventId: event.eventId, ticketTypeId: general.id, capacity: 3, name: "Standing" } });
    expect(exact).toMatchObject({ name: "Standing", capacity: 3, sold: 3, seatsAvailable: 0 });
  });

  it("refuses a sales window that ends before it starts, also when only one end is sent", async () => {
    const { event, general, owner } = await eventWithGeneralAdmission();
    const ctx = testCtx(owner);
    await updateTicketType({ ctx, input: { eventId: event.eventId, ticketTypeId: general.id, salesStartAt: "2030-01-02T00:00:00Z" } });
    await expect(updateTicketType({ ctx, input: { eventId: event.eventId, ticketTypeId: general.id, salesEndAt: "2030-01-01T00:00:00Z" } })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fieldErrors: [{ path: "salesEndAt" }],
    });
  });

  it("deletes an unsold type, refuses a sold one with TICKET_TYPE_IN_USE, and keeps the last type on sale", async () => {
    const { event, general, owner } = await eventWithGeneralAdmission();
    const ctx = testCtx(owner);
    await bookSeats({ ctx: testCtx(attendee()), input: { eventId: event.eventId, quantity: 1, idempotencyKey: randomUUID() } });
    await expect(deleteTicketType({ ctx, input: { eventId: event.eventId, ticketTypeId: general.id } })).rejects.toMatchObject({ kind: "Conflict", code: "TICKET_TYPE_IN_USE" });
    const extra = await createTicketType({ ctx, input: { eventId: event.eventId, name: "Late", priceCents: 0 } });
    await deleteTicketType({ ctx, input: { eventId: event.eventId, ticketTypeId: extra.id } });
    expect((await listTicketTypes({ ctx, input: { eventId: event.eventId } })).map((t) => t.id)).toEqual([general.id]);

    const other = await eventWithGeneralAdmission();
    await expect(deleteTicketType({ ctx: testCtx(other.owner), input: { eventId: other.event.eventId, ticketTypeId: other.general.id } })).rejects.toMatchObject({
      code: "LAST_TICKET_TYPE",
    });
  });

  it("retires a sold type: it stops selling and stays listed for the organizer, and hidden and retired types stay off the public list", async () => {
    const { event, general, owner } = await eventWithGeneralAdmission();
    await bookSeats({ ctx: testCtx(attendee()), input: { eventId: event.eventId, quantity: 1, idempotencyKey: randomUUID() } });
    await createTicketType({ ctx: testCtx(owner), input: { eventId: event.eventId, name: "Crew", priceCents: 0, hidden: true } });
    await createTicketType({ ctx: testCtx(owner), input: { eventId: event.eventId, name: "Regular", priceCents: 0 } });
    const retired = await retireTicketType({ ctx: testCtx(owner), input: { eventId: event.eventId, ticketTypeId: general.id } });
    expect(retired.retiredAt).not.toBeNull();
    expect(retired.seatsAvailable).toBe(0);
    expect((await listTicketTypes({ ctx: testCtx(owner), input: { eventId: event.eventId } })).map((t) => t.name)).toEqual(["General admission", "Crew", "Regular"]);
    expect((await listTicketTypes({ ctx: testCtx(attendee()), input: { eventId: event.eventId } })).map((t) => t.name)).toEqual(["Regular"]);
    const resumed = await retireTicketType({ ctx: testCtx(owner), input: { eventId: event.eventId, ticketTypeId: general.id, retired: false } });
    expect(resumed.retiredAt).toBeNull();
  });

  it("reorders every type at once and refuses a list made from a stale page", async () => {
    const { event, general, owner } = await eventWithGeneralAdmission();
    const ctx = testCtx(owner);
    const vip = await createTicketType({ ctx, input: { eventId: event.eventId, name: "VIP", priceCents: 100 } });
    const reordered = await reorderTicketTypes({ ctx, input: { eventId: event.eventId, ticketTypeIds: [vip.id, general.id] } });
    expect(reordered.map((t) => [t.name, t.position])).toEqual([["VIP", 0], ["General admission", 1]]);
    await expect(reorderTicketTypes({ ctx, input: { eventId: event.eventId, ticketTypeIds: [general.id] } })).rejects.toMatchObject({ code: "TICKET_TYPES_CHANGED" });
    await expect(reorderTicketTypes({ ctx, input: { eventId: event.eventId, ticketTypeIds: [general.id, general.id] } })).rejects.toMatchObject({ code: "TICKET_TYPES_CHANGED" });
  });

  it("answers 403 to another organizer on a published event, 404 on a draft, and 404 for an unknown type", async () => {
    const { event, general } = await eventWithGeneralAdmission();
    const stranger = testCtx(attendee({ role: "organizer" }));
    await expect(createTicketType({ ctx: stranger, input: { eventId: event.eventId, name: "Mine", priceCents: 0 } })).rejects.toMatchObject({ kind: "Forbidden" });
    await expect(updateTicketType({ ctx: stranger, input: { eventId: event.eventId, ticketTypeId: general.id, priceCents: 1 } })).rejects.toMatchObject({ kind: "Forbidden" });
    await expect(deleteTicketType({ ctx: stranger, input: { eventId: event.eventId, ticketTypeId: general.id } })).rejects.toMatchObject({ kind: "Forbidden" });
    await expect(reorderTicketTypes({ ctx: stranger, input: { eventId: event.eventId, ticketTypeIds: [general.id] } })).rejects.toMatchObject({ kind: "Forbidden" });
    const draft = await eventWithGeneralAdmission({ status: "draft" });
    await expect(createTicketType({ ctx: stranger, input: { eventId: draft.event.eventId, name: "Mine", priceCents: 0 } })).rejects.toMatchObject({ kind: "NotFound" });
    await expect(listTicketTypes({ ctx: stranger, input: { eventId: draft.event.eventId } })).rejects.toMatchObject({ kind: "NotFound" });
    await expect(listTicketTypes({ ctx: testCtx({ type: "anonymous" }), input: { eventId: "not-a-uuid" } })).rejects.toMatchObject({ kind: "NotFound" });
    await expect(updateTicketType({ ctx: testCtx(ownerOf(event)), input: { eventId: event.eventId, ticketTypeId: draft.general.id, priceCents: 1 } })).rejects.toMatchObject({
      code: "TICKET_TYPE_NOT_FOUND",
    });
    const [unchanged] = await getDb().select().from(ticketTypes).where(eq(ticketTypes.id, general.id));
    expect(unchanged!.priceCents).toBe(0);
  });

  it("sells the last seats of a type or lowers its capacity, never both, when a capacity edit races buyers", async () => {
    const { event, general, owner } = await eventWithGeneralAdmission({ capacity: 20 });
    await updateTicketType({ ctx: testCtx(owner), input: { eventId: event.eventId, ticketTypeId: general.id, capacity: 10 } });
    const buyers = Array.from({ length: 6 }, () =>
      bookSeats({ ctx: testCtx(attendee(), { db: racers }), input: { eventId: event.eventId, quantity: 1, idempotencyKey: randomUUID() } }),
    );
    const edit = updateTicketType({ ctx: testCtx(owner, { db: racers }), input: { eventId: event.eventId, ticketTypeId: general.id, capacity: 3 } });
    const [editResult, ...bought] = await Promise.allSettled([edit, ...buyers]);
    const [after] = await getDb().select().from(ticketTypes).where(eq(ticketTypes.id, general.id));
    const sold = bought.filter((r) => r.status === "fulfilled").length;
    expect(after!.sold).toBe(sold);
    expect(after!.sold).toBeLessThanOrEqual(after!.capacity!);
    expect(after!.capacity).toBe(editResult!.status === "fulfilled" ? 3 : 10);
  });
});
