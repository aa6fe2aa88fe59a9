import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { checkPromoCode } from "./check-promo-code";
import { createPromoCode } from "./create-promo-code";
import { createTicketType } from "./create-ticket-type";
import { promoCodes } from "./schema";
import { attendee, publishedEvent } from "./test-fixtures";

const ownerOf = (event: { organizerId: string }) => ({ ...attendee({ role: "organizer" }), userId: event.organizerId });

async function eventWithHiddenType() {
  const event = await publishedEvent({ capacity: 20 });
  const owner = testCtx(ownerOf(event));
  const backstage = await createTicketType({ ctx: owner, input: { eventId: event.eventId, name: "Backstage", priceCents: 9000, hidden: true } });
  const balcony = await createTicketType({ ctx: owner, input: { eventId: event.eventId, name: "Balcony", priceCents: 4000 } });
  return { event, owner, backstage, balcony };
}

describe("checkPromoCode", () => {
  beforeEach(resetDatabase);

  it("matches a code in any case and reveals the hidden types it is restricted to, with their seats", async () => {
    const { event, owner, backstage, balcony } = await eventWithHiddenType();
    await createPromoCode({ ctx: owner, input: { eventId: event.eventId, code: "Crew15", percentOff: 15, ticketTypeIds: [backstage.id, balcony.id] } });
    const check = await checkPromoCode({ ctx: testCtx(attendee()), input: { eventId: event.eventId, promoCode: " crew15 " } });
    expect(check).toMatchObject({ code: "Crew15", percentOff: 15, amountOffCents: null });
    expect(check.covers.map((t) => t.name).sort()).toEqual(["Backstage", "Balcony"]);
    expect(check.unlocked.map((t) => [t.name, t.seatsAvailable])).toEqual([["Backstage", 20]]);
  });

  it("unlocks nothing with a code for every type: hidden types need a code that names them", async () => {
    const { event, owner } = await eventWithHiddenType();
    await createPromoCode({ ctx: owner, input: { eventId: event.eventId, code: "ALL5", amountOffCents: 500 } });
    const check = await checkPromoCode({ ctx: testCtx(attendee()), input: { eventId: event.eventId, promoCode: "all5" } });
    expect(check.unlocked).toEqual([]);
    expect(check.ticketTypeIds).toBeNull();
  });

  it("refuses an unknown, used-up or not-yet-valid code with PROMO_CODE_INVALID", async () => {
    const { event, owner } = await eventWithHiddenType();
    const buyer = testCtx(attendee());
    await expect(checkPromoCode({ ctx: buyer, input: { eventId: event.eventId, promoCode: "NOPE" } })).rejects.toMatchObject({ code: "PROMO_CODE_INVALID" });
    const used = await createPromoCode({ ctx: owner, input: { eventId: event.eventId, code: "ONCE", percentOff: 50, maxUses: 1 } });
    await getDb().update(promoCodes).set({ uses: 1 }).where(eq(promoCodes.id, used.id));
    await expect(checkPromoCode({ ctx: buyer, input: { eventId: event.eventId, promoCode: "once" } })).rejects.toMatchObject({ code: "PROMO_CODE_INVALID" });
    await createPromoCode({ ctx: owner, input: { eventId: event.eventId, code: "LATER", percentOff: 10, validFrom: "2031-01-01T00:00:00Z" } });
    await expect(checkPromoCode({ ctx: buyer, input: { eventId: event.eventId, promoCode: "LATER" } })).rejects.toMatchObject({ code: "PROMO_CODE_INVALID" });
  });

  it("knows no codes of a draft event", async () => {
    const event = await publishedEvent({ status: "draft" });
    await createPromoCode({ ctx: testCtx(ownerOf(event)), input: { eventId: event.eventId, code: "EARLY", percentOff: 10 } });
    await expect(checkPromoCode({ ctx: testCtx(attendee()), input: { eventId: event.eventId, promoCode: "EARLY" } })).rejects.toMatchObject({ code: "PROMO_CODE_INVALID" });
  });
});
