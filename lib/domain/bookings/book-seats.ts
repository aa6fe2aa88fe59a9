import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { withSavepoint } from "@/lib/db/transaction";
import { authorize } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { Conflict, NotFound, Unauthenticated } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { countBookingConfirmed, countSoldOut } from "@/lib/metrics/domain";
import { whyNotBookable } from "./bookable-event";
import { lastKnownTerms, termsOf } from "./booking-terms";
import type { BookingView } from "./booking-view";
import { confirmBooking } from "./confirm-booking";
import { MAX_SEATS_PER_REQUEST } from "./get-booking-options";
import { findOutcome, outcomeOfError, recordOutcome, replay, requestHash, type KeyRef } from "./idempotency";
import { violates } from "./pg-error";
import { retryOnConflict } from "./retry";
import { eventInventory } from "./schema";
import { newTicketCodes } from "./ticket-code";

export const bookSeatsInput = z.object({
  eventId: z.string(),
  quantity: z.number().int().min(1).max(MAX_SEATS_PER_REQUEST),
  idempotencyKey: z.string().min(1).max(255),
});

/**
 * Booking statements per request: a buyer whose statement missed (seats gone, terms changed)
 * reads the seat row again and either books or learns why not.
 */
const MAX_ATTEMPTS = 3;

const soldOut = () => new Conflict("SOLD_OUT", "Not enough seats are left for this booking.");

/**
 * Books `quantity` seats for the acting user, at most once per idempotency key: the same key
 * with the same request answers what it answered the first time (booking or refusal), even
 * when the two requests race; with another request it is refused. Refusals: SOLD_OUT,
 * EVENT_NOT_BOOKABLE, PER_USER_LIMIT, or not found (also someone else's draft).
 *
 * The booking, its answer and its fact are built and validated from the event's terms
 * (organizer, price, currency) before the one booking statement, which books only if those
 * terms still hold. The terms come from the last read of the seat row in this process, so the
 * usual booking is one round trip; when the statement misses, the seat row (read without a
 * lock) tells who may not book at all, whether seats are left, and the current terms.
 * Inside a caller's transaction the statement runs in a savepoint, so a refusal leaves the
 * caller's transaction usable.
 */
export async function bookSeats({ ctx, input }: { ctx: Ctx; input: z.input<typeof bookSeatsInput> }): Promise<{ booking: BookingView; replayed: boolean }> {
  const i = bookSeatsInput.parse(input);
  authorize(ctx.actor, "booking:create");
  if (ctx.actor.type !== "user") throw new Unauthenticated();
  const key: KeyRef = { userId: ctx.actor.userId, key: i.idempotencyKey, requestHash: requestHash(i.eventId, i.quantity) };
  if (!isUuid(i.eventId)) throw new NotFound();

  let refusal: NotFound | Conflict | null = null;
  try {
    const tickets = newTicketCodes(i.quantity)
      .sort()
      .map((ticketCode) => ({ id: randomUUID(), ticketCode }));
    let terms = lastKnownTerms.get(i.eventId);
    for (let attempt = 1; !refusal; attempt++) {
      if (!terms) {
        const [inv] = await ctx.db.select().from(eventInventory).where(eq(eventInventory.eventId, i.eventId));
        refusal = !inv ? new NotFound() : (whyNotBookable(ctx, inv) ?? (inv.capacity - inv.sold - inv.held < i.quantity ? soldOut() : null));
        if (!inv || refusal) break;
        terms = termsOf(inv);
        lastKnownTerms.remember(i.eventId, terms);
      }
      const order = {
        source: "direct" as const,
        bookingId: randomUUID(),
        eventId: i.eventId,
        userId: key.userId,
        quantity: i.quantity,
        terms,
        tickets,
        key,
        actorId: key.userId,
        requestId: ctx.requestId,
        at: ctx.now(),
      };
      const booking = await retryOnConflict(() => withSavepoint(ctx.db, (db) => confirmBooking(db, order)));
      if (booking) {
        countBookingConfirmed("direct", i.quantity);
        ctx.log.info({ bookingId: booking.id, eventId: i.eventId, quantity: i.quantity }, "booking.confirmed");
        return { booking, replayed: false };
      }
      // Not enough seats, not bookable, or new terms: the seat row says which. A buyer who
      // keeps losing the seats it saw is told what was true at their last try.
      lastKnownTerms.forget(i.eventId);
      terms = undefined;
      if (attempt === MAX_ATTEMPTS) refusal = soldOut();
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
  if (!refusal) throw new Error("idempotency key taken but no answer stored");
  if (refusal.code === "SOLD_OUT") countSoldOut();
  const stored = await recordOutcome(ctx.db, key, outcomeOfError(refusal), ctx.now());
  // Returns only when a racing request with this key booked first.
  return { booking: replay(stored, key.requestHash), replayed: true };
}
