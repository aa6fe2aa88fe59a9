import type { Tx } from "@/lib/db/client";
import { upsertEventInventory } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import type { EventRecord } from "./event-record";

/**
 * Mirrors the bookable facts into the bookings domain's seat counter in the same transaction,
 * so a capacity below what is sold (CAPACITY_BELOW_SOLD) rolls the whole change back.
 */
export async function syncInventory(ctx: Ctx, tx: Tx, record: EventRecord): Promise<void> {
  await upsertEventInventory({
    ctx: { ...ctx, db: tx },
    input: {
      eventId: record.id,
      organizerId: record.organizerId,
      capacity: record.capacity,
      priceCents: record.priceCents,
      currency: record.currency,
      perUserLimit: record.perUserLimit,
      status: record.status,
      startsAt: record.startsAt,
      endsAt: record.endsAt,
    },
  });
}
