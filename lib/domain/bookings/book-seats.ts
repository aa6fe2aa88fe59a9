import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "@/lib/domain/auth/policy";
import type { Ctx } from "@/lib/domain/context";
import { Conflict, NotFound, Unauthenticated } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { countBookingConfirmed, countSoldOut } from "@/lib/metrics/domain";
import { insertDirectBooking } from "./booking-statement";
import type { BookingView } from "./booking-view";
import { findOutcome, outcomeOfError, recordOutcome, replay, requestHash, type KeyRef } from "./idempotency";
import { violates } from "./pg-error";
import { retryOnConflict } from "./retry";
import { eventInventory } from "./schema";
import { newTicketCodes } from "./ticket-code";

export const bookSeatsInput = z.object({
  eventId: z.string(),
  quantity: z.number().int().min(1).max(10),
  idempotencyKey: z.string().min(1).max(255),
});

/**
 * Books `quantity` seats for the acting user, at most once per idempotency key: the same key
 * with the same request answers what it answered the first time (booking or refusal), even
 * when the two requests race; with another request it is refused. Refusals: SOLD_OUT,
 * EVENT_NOT_BOOKABLE, PER_USER_LIMIT, or not found.
 */
export async function bookSeats({ ctx, input }: { ctx: Ctx; input: z.input<typeof bookSeatsInput> }): Promise<{ booking: BookingView; replayed: boolean }> {
  const i = bookSeatsInput.parse(input);
  authorize(ctx.actor, "booking:create");
  if (ctx.actor.type !== "user") throw new Unauthenticated();
  const key: KeyRef = { userId: ctx.actor.userId, key: i.idempotencyKey, requestHash: requestHash(i.eventId, i.quantity) };
  if (!isUuid(i.eventId)) throw new NotFound();

  let refusal: Conflict | null = null;
  try {
    const items = newTicketCodes(i.quantity)
      .sort()
      .map((ticketCode) => ({ id: randomUUID(), ticketCode }));
    const booked = await retryOnConflict(() =>
      insertDirectBooking(ctx.db, {
        bookingId: randomUUID(),
        eventId: i.eventId,
        userId: key.userId,
        quantity: i.quantity,
        items,
        key,
        outboxId: randomUUID(),
        requestId: ctx.requestId,
        at: ctx.now(),
      }),
    );
    if (booked) {
      countBookingConfirmed("direct", i.quantity);
      ctx.log.info({ bookingId: booked.booking.id, eventId: i.eventId, quantity: i.quantity }, "booking.confirmed");
      return { booking: booked.booking, replayed: false };
    }
  } catch (error) {
    if (violates(error, "seat_holdings_within_limit")) {
      refusal = new Conflict("PER_USER_LIMIT", "That would give you more seats for this event than one person may hold.");
    } else if (!violates(error, "idempotency_keys_pk")) {
      throw error;
    }
  }

  // Refused, or another request with this key answered first: that answer wins.
  const earlier = await findOutcome(ctx.db, key);
  if (earlier) return { booking: replay(earlier, key.requestHash), replayed: true };
  const reason = refusal ?? (await explainRefusal(ctx, i.eventId));
  if (reason.code === "SOLD_OUT") countSoldOut();
  const stored = await recordOutcome(ctx.db, key, outcomeOfError(reason), ctx.now());
  // Returns only when a racing request with this key booked first.
  return { booking: replay(stored, key.requestHash), replayed: true };
}

/** Why the seat update matched nothing, from one cheap read after the fact. */
async function explainRefusal(ctx: Ctx, eventId: string): Promise<NotFound | Conflict> {
  const [inv] = await ctx.db
    .select({ status: eventInventory.status, endsAt: eventInventory.endsAt })
    .from(eventInventory)
    .where(eq(eventInventory.eventId, eventId));
  if (!inv) return new NotFound();
  if (inv.status !== "published" || inv.endsAt <= ctx.now()) {
    return new Conflict("EVENT_NOT_BOOKABLE", "This event is not open for booking.");
  }
  return new Conflict("SOLD_OUT", "Not enough seats are left for this booking.");
}
