import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import { authorize } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { Conflict, NotFound, Unauthenticated } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { emit } from "@/lib/jobs/emit";
import { recordAudit } from "./audit";
import { whyNotBookable } from "./bookable-event";
import { MAX_SEATS_PER_REQUEST } from "./get-booking-options";
import { eventInventory, seatHoldings, waitlistEntries } from "./schema";
import { entryViews, type WaitlistEntryView } from "./waitlist-view";

export const joinWaitlistInput = z.object({ eventId: z.string(), quantity: z.number().int().min(1).max(MAX_SEATS_PER_REQUEST) });

/**
 * Puts the acting user in line for `quantity` seats, only when that many cannot be booked now.
 * The seat row is read FOR SHARE: a cancellation committing at the same moment either comes
 * first (and the join sees the seats) or after (and sees this entry, holding the seats for it).
 */
export async function joinWaitlist({ ctx, input }: { ctx: Ctx; input: z.input<typeof joinWaitlistInput> }): Promise<WaitlistEntryView> {
  const i = joinWaitlistInput.parse(input);
  authorize(ctx.actor, "waitlist:join");
  if (ctx.actor.type !== "user") throw new Unauthenticated();
  const userId = ctx.actor.userId;
  if (!isUuid(i.eventId)) throw new NotFound();
  const entryId = await withTransaction(ctx, async (tx) => {
    const [inv] = await tx.select().from(eventInventory).where(eq(eventInventory.eventId, i.eventId)).for("share");
    if (!inv) throw new NotFound();
    const closed = whyNotBookable(ctx, inv);
    if (closed) throw closed;
    if (inv.capacity - inv.sold - inv.held >= i.quantity) {
      throw new Conflict("SEATS_AVAILABLE", "Enough seats are available: book them instead of joining the waitlist.");
    }
    const [holding] = await tx
      .select({ seats: seatHoldings.seats })
      .from(seatHoldings)
      .where(and(eq(seatHoldings.eventId, i.eventId), eq(seatHoldings.userId, userId)));
    if ((holding?.seats ?? 0) + i.quantity > inv.perUserLimit) {
      throw new Conflict("PER_USER_LIMIT", "That would give you more seats for this event than one person may hold.");
    }
    const [entry] = await tx
      .insert(waitlistEntries)
      .values({ eventId: i.eventId, userId, quantity: i.quantity, createdAt: ctx.now(), updatedAt: ctx.now() })
      .onConflictDoNothing()
      .returning();
    if (!entry) throw new Conflict("ALREADY_WAITLISTED", "You are already on the waitlist for this event.");
    await recordAudit(tx, ctx, [
      { eventId: i.eventId, waitlistEntryId: entry.id, action: "waitlist.joined", before: null, after: { status: "waiting", quantity: i.quantity, priority: 0 } },
    ]);
    await emit(tx, { name: "waitlist.joined", data: { entryId: entry.id, eventId: i.eventId, userId, quantity: i.quantity }, requestId: ctx.requestId });
    return entry.id;
  });
  ctx.log.info({ entryId, eventId: i.eventId, quantity: i.quantity }, "waitlist.joined");
  const [view] = await entryViews(ctx.db, [entryId]);
  return view!;
}
