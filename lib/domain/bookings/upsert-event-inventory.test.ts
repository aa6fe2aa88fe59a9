import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { outbox } from "@/lib/jobs/schema";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { getSeatsAvailable } from "./get-seats-available";
import { eventInventory, waitlistEntries } from "./schema";
import { upsertEventInventory } from "./upsert-event-inventory";

const base = () => ({
  eventId: randomUUID(),
  organizerId: randomUUID(),
  capacity: 10,
  priceCents: 1500,
  currency: "EUR",
  perUserLimit: 4,
  status: "published" as const,
  startsAt: new Date(Date.now() + 86_400_000),
  endsAt: new Date(Date.now() + 90_000_000),
});

describe("upsertEventInventory", () => {
  beforeEach(resetDatabase);

  it("creates the counter, then mirrors changes with a new version", async () => {
    const input = base();
    await upsertEventInventory({ ctx: testCtx(), input });
    const row = await upsertEventInventory({ ctx: testCtx(), input: { ...input, capacity: 12, status: "cancelled" } });
    expect(row).toMatchObject({ capacity: 12, status: "cancelled", version: 2, sold: 0 });
    const seats = await getSeatsAvailable({ ctx: testCtx(), input: { eventIds: [input.eventId, "nope", randomUUID()] } });
    expect([...seats]).toEqual([[input.eventId, 12]]);
  });

  it("refuses a capacity below the seats already sold", async () => {
    const input = base();
    await upsertEventInventory({ ctx: testCtx(), input });
    await getDb().update(eventInventory).set({ sold: 8 }).where(eq(eventInventory.eventId, input.eventId));
    await expect(upsertEventInventory({ ctx: testCtx(), input: { ...input, capacity: 7 } })).rejects.toMatchObject({
      code: "CAPACITY_BELOW_SOLD",
      fieldErrors: [expect.objectContaining({ path: "capacity" })],
    });
  });

  it("holds added capacity for the waitlist and announces the released seats", async () => {
    const input = base();
    await upsertEventInventory({ ctx: testCtx(), input });
    await getDb().update(eventInventory).set({ sold: 10 }).where(eq(eventInventory.eventId, input.eventId));
    await getDb().insert(waitlistEntries).values({ eventId: input.eventId, userId: randomUUID(), quantity: 2 });
    const row = await upsertEventInventory({ ctx: testCtx(), input: { ...input, capacity: 15 } });
    expect(row).toMatchObject({ sold: 10, held: 2 });
    const seats = await getSeatsAvailable({ ctx: testCtx(), input: { eventIds: [input.eventId] } });
    expect(seats.get(input.eventId)).toBe(3);
    const facts = await getDb().select().from(outbox).where(eq(outbox.name, "seats.released"));
    expect(facts.map((f) => f.data)).toEqual([{ eventId: input.eventId, quantity: 5 }]);
  });
});
