import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { withSavepoint } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { Conflict, DomainError, NotFound } from "@/lib/domain/errors";
import { countBookingConfirmed, countSoldOut } from "@/lib/metrics/domain";
import { whyNotBookable } from "./bookable-event";
import { sweepLapsedHolds } from "./expire-orders";
import { findOutcome, outcomeOfError, recordOutcome, replay, type KeyRef } from "./idempotency";
import { runOrderStatement } from "./order-statement";
import { lastKnownTerms, readOrderTerms, type OrderTerms } from "./order-terms";
import type { OrderView } from "./order-view";
import { violates } from "./pg-error";
import { findPromoCode, priceOrder, promoCodeInvalid, type OrderItem, type PricedOrder } from "./price-order";
import { retryOnConflict } from "./retry";
import { promoCodes } from "./schema";
import { newTicketCodes } from "./ticket-code";

/** Order statements per request: a buyer whose statement missed reads the terms again and either buys or learns why not. */
const MAX_ATTEMPTS = 3;
/** Lapsed holds swept by a buyer who found no seats, before trying once more. */
const SWEEP_LIMIT = 200;

export const soldOut = () => new Conflict("SOLD_OUT", "Not enough tickets are left for this order.");
const perUserLimit = () => new Conflict("PER_USER_LIMIT", "That would give you more seats for this event than one person may hold.");

/** Why the order statement sold nothing: the event row said no, or a check aborted it. */
type Refused = "missed" | "type_full" | "promo_used_up" | "per_user";

function refusedBy(error: unknown): Refused {
  if (violates(error, "ticket_types_sold_within_capacity")) return "type_full";
  if (violates(error, "promo_codes_uses_within_max")) return "promo_used_up";
  if (violates(error, "seat_holdings_within_limit")) return "per_user";
  throw error;
}

export type EngineRequest = {
  eventId: string;
  key: KeyRef;
  orderId: string;
  payment: { provider: string; checkoutUrl: string | null };
  promoCode: string | undefined;
  /** What to order, from the terms read: an order names its items; a booking picks the first on-sale type. */
  itemsFrom: (terms: OrderTerms) => OrderItem[];
};

/**
 * Places one order for the acting user, at most once per idempotency key: the same key with the
 * same request answers what it answered the first time (order or refusal), even when the two
 * race; with another request it is refused (IDEMPOTENCY_KEY_REUSED).
 *
 * The order is priced and checked from the event's terms before the one order statement, which
 * sells only if those terms still hold. The terms come from this process's short-lived cache,
 * so the usual order is one round trip. When the statement misses (the event row said no) or a
 * check aborts it (a type full, the code used up, the buyer's cap reached), the terms are read
 * again: an event that cannot be booked says so; one without the seats first has its lapsed
 * holds swept, once, so a hold nobody paid for never turns a buyer away; and a buyer tries
 * again while what refused them has room again, up to MAX_ATTEMPTS statements.
 */
export async function placeWithEngine(ctx: Ctx, request: EngineRequest): Promise<{ order: OrderView; replayed: boolean }> {
  const { eventId, key } = request;
  let refusal: DomainError | null = null;
  try {
    let terms = lastKnownTerms.get(eventId);
    const code = request.promoCode ? { typed: request.promoCode, row: await findPromoCode(ctx.db, eventId, request.promoCode) } : null;
    let swept = false;
    for (let attempt = 1; ; attempt++) {
      let freshlyRead = false;
      if (!terms) {
        const read = await readOrderTerms(ctx.db, eventId);
        if (!read) throw new NotFound();
        const notBookable = whyNotBookable(ctx, read.inventory);
        if (notBookable) throw notBookable;
        terms = read;
        freshlyRead = true;
        lastKnownTerms.remember(eventId, terms);
      }
      const items = request.itemsFrom(terms);
      const priced = priceOrder(terms, items, code, ctx.now());
      const draft = draftOf(ctx, request, terms, priced);
      const { order, why } = await retryOnConflict(() => withSavepoint(ctx.db, (db) => runOrderStatement(db, draft))).then(
        (order) => ({ order, why: "missed" as Refused }),
        (error: unknown) => ({ order: null, why: refusedBy(error) }),
      );
      if (order) {
        if (order.status === "confirmed") countBookingConfirmed("direct", order.quantity);
        ctx.log.info({ orderId: order.id, eventId, quantity: order.quantity, status: order.status }, order.status === "confirmed" ? "order.confirmed" : "order.placed");
        return { order, replayed: false };
      }
      lastKnownTerms.forget(eventId);
      terms = undefined;
      // A miss on cached terms may only mean they changed: read them and try again.
      if (why === "missed" && !freshlyRead && attempt < MAX_ATTEMPTS) continue;
      if (!swept) {
        swept = true;
        if ((await sweepLapsedHolds(ctx, eventId, SWEEP_LIMIT)).expired > 0) continue;
      }
      if (attempt < MAX_ATTEMPTS && (await roomNow(ctx, eventId, why, priced))) continue;
      throw why === "promo_used_up" ? promoCodeInvalid() : why === "per_user" ? perUserLimit() : soldOut();
    }
  } catch (error) {
    if (violates(error, "idempotency_keys_pk")) refusal = null;
    else if (error instanceof DomainError && ["Conflict", "NotFound", "Validation"].includes(error.kind) && error.code !== "CONCURRENT_UPDATE") refusal = error;
    else throw error;
  }

  // Refused, or another request with this key answered first: that answer wins.
  const earlier = await findOutcome(ctx.db, key);
  if (earlier) return { order: replay(earlier, key.requestHash), replayed: true };
  if (!refusal) throw new Error("idempotency key taken but no answer stored");
  if (refusal.code === "SOLD_OUT") countSoldOut();
  const stored = await recordOutcome(ctx.db, key, outcomeOfError(refusal), ctx.now());
  // Returns only when a racing request with this key placed its order first.
  return { order: replay(stored, key.requestHash), replayed: true };
}

/**
 * Whether what refused the order has room again (another buyer's sweep or cancel freed it
 * meanwhile), so the buyer tries once more instead of being told what is no longer true. An
 * event that cannot be booked at all says so here.
 */
async function roomNow(ctx: Ctx, eventId: string, why: Refused, priced: PricedOrder): Promise<boolean> {
  if (why === "per_user") return false;
  const read = await readOrderTerms(ctx.db, eventId);
  if (!read) throw new NotFound();
  const notBookable = whyNotBookable(ctx, read.inventory);
  if (notBookable) throw notBookable;
  const inv = read.inventory;
  const seats = priced.lines.reduce((n, l) => n + l.quantity, 0);
  if (inv.capacity - inv.sold - inv.held < seats) return false;
  if (why === "type_full") {
    return priced.lines.every((l) => {
      const type = read.types.find((t) => t.id === l.ticketTypeId);
      return type !== undefined && (type.capacity === null || type.capacity - type.sold >= l.quantity);
    });
  }
  if (why === "promo_used_up" && priced.promo) {
    const [code] = await ctx.db.select({ uses: promoCodes.uses, maxUses: promoCodes.maxUses }).from(promoCodes).where(eq(promoCodes.id, priced.promo.id));
    return !!code && (code.maxUses === null || code.uses < code.maxUses);
  }
  return true;
}

function draftOf(ctx: Ctx, request: EngineRequest, terms: OrderTerms, priced: PricedOrder) {
  const tickets = priced.lines.flatMap((line) =>
    newTicketCodes(line.quantity)
      .sort()
      .map((ticketCode) => ({ id: randomUUID(), ticketCode, ticketTypeId: line.ticketTypeId })),
  );
  return {
    source: "direct" as const,
    key: request.key,
    orderId: request.orderId,
    eventId: request.eventId,
    userId: request.key.userId,
    organizerId: terms.inventory.organizerId,
    organizationId: terms.inventory.organizationId,
    currency: terms.inventory.currency,
    holdMinutes: terms.inventory.holdMinutes,
    ...priced,
    payment: request.payment,
    tickets,
    actorId: request.key.userId,
    requestId: ctx.requestId,
    at: ctx.now(),
  };
}
