import { beforeEach, describe, expect, it, vi } from "vitest";
import { createTestUser } from "@/lib/domain/auth/test-fixtures";
import { listPromoCodes, listTicketTypes } from "@/lib/domain/bookings";
import type { Actor } from "@/lib/domain/context";
import { createEvent } from "@/lib/domain/events";
import { eventInput } from "@/lib/domain/events/event-fixtures";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { createPromoCodeAction } from "../promo-codes/actions";
import { createTicketTypeAction } from "./actions";

const web = vi.hoisted(() => ({ actor: { type: "anonymous" } as Actor }));
vi.mock("@/lib/web/current-actor", () => ({ currentActor: async () => web.actor }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

describe("the ticket type and promo code forms", () => {
  let eventId: string;
  beforeEach(async () => {
    await resetDatabase();
    web.actor = (await createTestUser({ role: "organizer" })).actor;
    eventId = (await createEvent({ ctx: testCtx(web.actor), input: eventInput({ timezone: "Europe/Lisbon" }) })).id;
  });

  it("reports a bad price, an empty name and a sales end before its start on their own fields, all at once", async () => {
    const state = await createTicketTypeAction(
      null,
      form({ eventId, currency: "EUR", timezone: "Europe/Lisbon", name: " ", price: "12.345", salesStartAt: "2031-01-02T10:00", salesEndAt: "2031-01-01T10:00" }),
    );
    expect(state).toMatchObject({ ok: false, fieldErrors: { price: "Enter an amount like 25.00.", name: "must not be empty", salesEndAt: "must be after the start of sales" } });
  });

  it("adds a type from the form: price in euros, sales times in the event's zone, empty capacity shares the event's", async () => {
    const state = await createTicketTypeAction(
      null,
      form({ eventId, currency: "EUR", timezone: "Europe/Lisbon", name: "Student", price: "9.50", capacity: "", perOrderMax: "2", salesEndAt: "2031-07-01T18:00", hidden: "on" }),
    );
    expect(state).toMatchObject({ ok: true });
    const types = await listTicketTypes({ ctx: testCtx(web.actor), input: { eventId } });
    expect(types[1]).toMatchObject({ name: "Student", priceCents: 950, capacity: null, perOrderMax: 2, hidden: true, salesEndAt: "2031-07-01T17:00:00.000Z" });
  });

  it("creates a promo code limited to the ticked type, and shows a code the event already has on the code field", async () => {
    const [general] = await listTicketTypes({ ctx: testCtx(web.actor), input: { eventId } });
    const fields = { eventId, currency: "EUR", timezone: "Europe/Lisbon", promo: "Friends", kind: "amount", amount: "5", [`type-${general!.id}`]: "on" };
    expect(await createPromoCodeAction(null, form(fields))).toMatchObject({ ok: true, data: { code: "Friends" } });
    const codes = await listPromoCodes({ ctx: testCtx(web.actor), input: { eventId } });
    expect(codes.data).toEqual([expect.objectContaining({ code: "Friends", amountOffCents: 500, percentOff: null, ticketTypeIds: [general!.id] })]);
    const again = await createPromoCodeAction(null, form({ ...fields, promo: "FRIENDS" }));
    expect(again).toMatchObject({ ok: false, code: "PROMO_CODE_EXISTS", values: { promo: "FRIENDS" } });
  });
});
