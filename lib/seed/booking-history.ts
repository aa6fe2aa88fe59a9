import type { Db } from "@/lib/db/client";
import { getUsersByEmails } from "@/lib/domain/auth";
import { cancelOrder, handlePaymentNotification } from "@/lib/checkout";
import { bookingTotals, bookSeats, joinWaitlist } from "@/lib/domain/bookings";
import { system, type Ctx, type UserActor } from "@/lib/domain/context";
import { isDomainError } from "@/lib/domain/errors";
import { getEventsByIds, listEventIdsByOrganizer } from "@/lib/domain/events";
import { signTestNotification, type TestNotificationBody } from "@/lib/domain/payments";
import type { Logger } from "@/lib/log/logger";

/** Three weeks of sales, so the dashboard has a shape on first start. */
const HISTORY_DAYS = 21;
const DAY_MS = 86_400_000;

const ORGANIZERS = ["org1@evently.local", "org2@evently.local"];
const BUYERS = ["ann@evently.local", "ben@evently.local", "cleo@evently.local", "admin@evently.local"];

/** A small deterministic PRNG (mulberry32): the demo looks the same on every fresh start. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const actorOf = (userId: string): UserActor => ({ type: "user", userId, role: "attendee", emailVerified: true, sessionId: null });

/** Refusals (sold out, per-user cap) are part of a realistic sale: the seed just moves on. */
async function attempt<T>(fn: () => Promise<T>): Promise<T | null> {
  try {
    return await fn();
  } catch (error) {
    if (isDomainError(error)) return null;
    throw error;
  }
}

/** The demo organizers' published events that have not ended (seeded by the events step before this one). */
async function demoEvents(ctx: Ctx, organizerIds: string[]): Promise<string[]> {
  const owned = (await Promise.all(organizerIds.map((organizerId) => listEventIdsByOrganizer({ ctx, input: { organizerId } })))).flat();
  const now = ctx.now();
  const events = await getEventsByIds({ ctx, input: { ids: owned } });
  // In a fixed order, so the seeded random sequence gives every install the same history.
  return events
    .filter((e) => e.status === "published" && e.endsAt > now)
    .sort((a, b) => a.title.localeCompare(b.title))
    .map((e) => e.id);
}

/**
 * Demo booking history through the real bookings verbs with a `now` in the past, so every
 * sale, cancellation and waitlist join is a real row with a fact in the outbox: the jobs then
 * build the analytics from them and reconciliation agrees. Sells into the demo organizers'
 * published events; skipped once those have any booking (idempotent), or when the demo
 * accounts or events are missing (SEED_DEMO off).
 */
export async function seedBookingHistory({ db, log }: { db: Db; log: Logger }): Promise<void> {
  const ctx = (at: Date, actor: Ctx["actor"] = system): Ctx => ({ actor, db, requestId: "seed-booking-history", log, now: () => at });
  const now = new Date();
  const start = new Date(now.getTime() - HISTORY_DAYS * DAY_MS);
  const users = await getUsersByEmails({ ctx: ctx(now), input: { emails: [...ORGANIZERS, ...BUYERS] } });
  const idOf = (email: string) => users.find((u) => u.email.toLowerCase() === email)?.id;
  const organizerIds = ORGANIZERS.map(idOf);
  const buyerIds = BUYERS.map(idOf).filter((id): id is string => !!id);
  if (organizerIds.some((id) => !id) || buyerIds.length === 0) return;

  const eventIds = await demoEvents(ctx(now), organizerIds as string[]);
  if (eventIds.length === 0) return;
  const totals = await bookingTotals({ ctx: ctx(now), input: { eventIds } });
  if (totals.some((t) => t.bookingsConfirmed + t.bookingsCancelled > 0)) return;

  const rand = random(20_260_301);
  const made: { id: string; userId: string; day: number }[] = [];
  let bookings = 0;
  for (let day = 0; day <= HISTORY_DAYS; day++) {
    // Sales ramp up towards the events, with a weekly rhythm (weekends sell more).
    const base = new Date(start.getTime() + day * DAY_MS);
    const weekend = [0, 6].includes(base.getUTCDay()) ? 1.6 : 1;
    for (const eventId of eventIds) {
      // About a hundred bookings in all, rounded at random so quiet early days still sell now and
      // then: every booking becomes job runs the app works through on first start, ahead of the
      // first real user's verification email.
      const expected = (0.15 + (day / HISTORY_DAYS) * 0.5) * weekend;
      const count = Math.floor(expected + rand());
      for (let n = 0; n < count; n++) {
        const at = new Date(Math.min(base.getTime() + rand() * DAY_MS, now.getTime() - 1_000));
        const userId = buyerIds[Math.floor(rand() * buyerIds.length)]!;
        const quantity = 1 + Math.floor(rand() * 3);
        const result = await attempt(() =>
          bookSeats({ ctx: ctx(at, actorOf(userId)), input: { eventId, quantity, idempotencyKey: `seed:${eventId}:${day}:${n}` } }),
        );
        // The history is of sales: a paid booking is paid at once, as most buyers do, through the
        // test provider's signed notification, so the payment is on the books (and refundable).
        if (result?.booking.status === "awaiting_payment") {
          const { id, totalCents, currency } = result.booking;
          const paid: TestNotificationBody = {
            id: `seed-payment:${id}`,
            type: "payment.succeeded",
            created: Math.floor(at.getTime() / 1000),
            data: { orderId: id, paymentRef: `seed_pay_${id}`, amountCents: totalCents, currency },
          };
          // Signed now, as a provider signs each delivery; the payment itself is dated by `created`.
          await handlePaymentNotification({ ctx: ctx(at), input: { provider: "test", ...signTestNotification(paid, new Date()) } });
        }
        if (result) {
          made.push({ id: result.booking.id, userId, day });
          bookings++;
        } else if (rand() < 0.3) {
          await attempt(() => joinWaitlist({ ctx: ctx(at, actorOf(userId)), input: { eventId, quantity: 1 } }));
        }
      }
    }
    // About one booking in eight is cancelled (a paid one refunded) a day or two later.
    for (const b of made.filter((m) => m.day === day - 2 && rand() < 0.125)) {
      const at = new Date(Math.min(base.getTime() + rand() * DAY_MS, now.getTime() - 1_000));
      await attempt(() => cancelOrder({ ctx: ctx(at, actorOf(b.userId)), input: { orderId: b.id } }));
    }
  }
  log.info({ events: eventIds.length, bookings, days: HISTORY_DAYS }, "seed.booking_history_created");
}
