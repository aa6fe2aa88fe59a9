import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, getDb } from "@/lib/db/client";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { createPromoCode } from "./create-promo-code";
import { createTicketType } from "./create-ticket-type";
import { deleteTicketType } from "./delete-ticket-type";
import { listPromoCodes } from "./list-promo-codes";
import { promoCodes } from "./schema";
import { attendee, publishedEvent } from "./test-fixtures";

const racers = createDb(process.env.DATABASE_URL!, { max: 8 });
afterAll(() => racers.$client.end());

const ownerOf = (event: { organizerId: string }) => ({ ...attendee({ role: "organizer" }), userId: event.organizerId });

describe("promo codes", () => {
  beforeEach(resetDatabase);

  it("creates a code with 0 uses and lists it with its uses, newest first", async () => {
    const event = await publishedEvent();
    const ctx = testCtx(ownerOf(event));
    const first = await createPromoCode({ ctx, input: { eventId: event.eventId, code: "EARLY", percentOff: 20, maxUses: 5, validUntil: "2031-01-01T00:00:00Z" } });
    expect(first).toMatchObject({ code: "EARLY", percentOff: 20, amountOffCents: null, maxUses: 5, uses: 0, validUntil: "2031-01-01T00:00:00.000Z", ticketTypeIds: null });
    await createPromoCode({ ctx, input: { eventId: event.eventId, code: "Friends", amountOffCents: 500 } });
    const page = await listPromoCodes({ ctx, input: { eventId: event.eventId } });
    expect(page.data.map((c) => [c.code, c.uses])).toEqual([["Friends", 0], ["EARLY", 0]]);
    expect(page.nextCursor).toBeNull();
  });

  it("refuses a code the event already has in any case with PROMO_CODE_EXISTS, and allows it on another event", async () => {
    const event = await publishedEvent();
    const ctx = testCtx(ownerOf(event));
    await createPromoCode({ ctx, input: { eventId: event.eventId, code: "Summer", percentOff: 10 } });
    await expect(createPromoCode({ ctx, input: { eventId: event.eventId, code: "SUMMER", percentOff: 50 } })).rejects.toMatchObject({ kind: "Conflict", code: "PROMO_CODE_EXISTS" });
    await expect(createPromoCode({ ctx, input: { eventId: event.eventId, code: "summer", amountOffCents: 100 } })).rejects.toMatchObject({ code: "PROMO_CODE_EXISTS" });
    const other = await publishedEvent();
    await expect(createPromoCode({ ctx: testCtx(ownerOf(other)), input: { eventId: other.eventId, code: "SUMMER", percentOff: 10 } })).resolves.toMatchObject({ code: "SUMMER" });
  });

  it("leaves exactly one code when eight differently-cased creations race", async () => {
    const event = await publishedEvent();
    const owner = ownerOf(event);
    const spellings = ["vip", "VIP", "Vip", "vIP", "viP", "VIp", "vIp", "ViP"];
    const results = await Promise.allSettled(
      spellings.map((code) => createPromoCode({ ctx: testCtx(owner, { db: racers }), input: { eventId: event.eventId, code, percentOff: 10 } })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "PROMO_CODE_EXISTS" });
    expect(await getDb().select().from(promoCodes)).toHaveLength(1);
  });

  it("takes exactly one of percentOff and amountOffCents, a window in order, and only this event's ticket types", async () => {
    const event = await publishedEvent();
    const ctx = testCtx(ownerOf(event));
    const input = { eventId: event.eventId, code: "BAD1" };
    await expect(createPromoCode({ ctx, input })).rejects.toMatchObject({ name: "ZodError" });
    await expect(createPromoCode({ ctx, input: { ...input, percentOff: 10, amountOffCents: 100 } })).rejects.toMatchObject({ name: "ZodError" });
    await expect(createPromoCode({ ctx, input: { ...input, percentOff: 10, validFrom: "2030-02-01T00:00:00Z", validUntil: "2030-01-01T00:00:00Z" } })).rejects.toMatchObject({
      name: "ZodError",
    });
    const other = await publishedEvent();
    const foreign = await createTicketType({ ctx: testCtx(ownerOf(other)), input: { eventId: other.eventId, name: "Theirs", priceCents: 0 } });
    await expect(createPromoCode({ ctx, input: { ...input, percentOff: 10, ticketTypeIds: [foreign.id] } })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fieldErrors: [{ path: "ticketTypeIds" }],
    });
    const hidden = await createTicketType({ ctx, input: { eventId: event.eventId, name: "Backstage", priceCents: 5000, hidden: true } });
    const unlocks = await createPromoCode({ ctx, input: { ...input, percentOff: 100, ticketTypeIds: [hidden.id] } });
    expect(unlocks.ticketTypeIds).toEqual([hidden.id]);
    await deleteTicketType({ ctx, input: { eventId: event.eventId, ticketTypeId: hidden.id } });
    expect((await listPromoCodes({ ctx, input: { eventId: event.eventId } })).data[0]!.ticketTypeIds).toEqual([]);
  });

  it("answers 403 to another organizer and an attendee on a published event, 404 on a draft and 401 to the anonymous, creating nothing", async () => {
    const event = await publishedEvent();
    const draft = await publishedEvent({ status: "draft" });
    for (const actor of [attendee({ role: "organizer" }), attendee()]) {
      await expect(createPromoCode({ ctx: testCtx(actor), input: { eventId: event.eventId, code: "STEAL", percentOff: 100 } })).rejects.toMatchObject({ kind: "Forbidden" });
      await expect(listPromoCodes({ ctx: testCtx(actor), input: { eventId: event.eventId } })).rejects.toMatchObject({ kind: "Forbidden" });
      await expect(createPromoCode({ ctx: testCtx(actor), input: { eventId: draft.eventId, code: "STEAL", percentOff: 100 } })).rejects.toMatchObject({ kind: "NotFound" });
    }
    await expect(listPromoCodes({ ctx: testCtx({ type: "anonymous" }), input: { eventId: event.eventId } })).rejects.toMatchObject({ kind: "Unauthenticated" });
    expect(await getDb().select().from(promoCodes)).toHaveLength(0);
    const admin = attendee({ role: "admin" });
    await expect(createPromoCode({ ctx: testCtx(admin), input: { eventId: draft.eventId, code: "ADMIN", percentOff: 5 } })).resolves.toMatchObject({ uses: 0 });
  });
});
