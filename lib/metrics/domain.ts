import { Counter } from "prom-client";
import { metric } from "./registry";

/**
 * Business counters, one small `count…()` per fact, so domain and face code record a fact in one
 * line without knowing prom-client. Count after the transaction committed, never for a replayed
 * idempotent answer: these are facts that happened, not requests that arrived.
 */

const bookingsConfirmed = metric(
  "bookings_confirmed_total",
  (r) =>
    new Counter({
      name: "bookings_confirmed_total",
      help: "Bookings confirmed, by source (direct or waitlist promotion)",
      labelNames: ["source"],
      registers: [r],
    }),
);

const seatsConfirmed = metric(
  "booking_seats_confirmed_total",
  (r) => new Counter({ name: "booking_seats_confirmed_total", help: "Seats in confirmed bookings", registers: [r] }),
);

const bookingsCancelled = metric(
  "bookings_cancelled_total",
  (r) =>
    new Counter({
      name: "bookings_cancelled_total",
      help: "Bookings cancelled, by who cancelled (holder, organizer, admin, event_cancelled)",
      labelNames: ["by"],
      registers: [r],
    }),
);

const soldOut = metric(
  "bookings_sold_out_total",
  (r) =>
    new Counter({
      name: "bookings_sold_out_total",
      help: "Booking requests refused because the seats were gone: the oversell guard holding",
      registers: [r],
    }),
);

const waitlistPromotions = metric(
  "waitlist_promotions_total",
  (r) => new Counter({ name: "waitlist_promotions_total", help: "Waitlist entries booked automatically", registers: [r] }),
);

const rateLimitRejections = metric(
  "rate_limit_rejections_total",
  (r) =>
    new Counter({
      name: "rate_limit_rejections_total",
      help: "Requests refused by a rate limiter, by limiter name",
      labelNames: ["limiter"],
      registers: [r],
    }),
);

export function countBookingConfirmed(source: "direct" | "waitlist", seats: number): void {
  bookingsConfirmed.inc({ source });
  seatsConfirmed.inc(seats);
}

export function countBookingCancelled(by: string): void {
  bookingsCancelled.inc({ by });
}

export function countSoldOut(): void {
  soldOut.inc();
}

export function countWaitlistPromotion(): void {
  waitlistPromotions.inc();
}

export function countRateLimitRejection(limiter: string): void {
  rateLimitRejections.inc({ limiter });
}
