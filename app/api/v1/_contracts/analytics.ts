import { z } from "zod";
import { getDailyAnalyticsInput, getSystemAnalyticsInput, getTopEventsInput, MAX_RANGE_DAYS } from "@/lib/domain/analytics";
import { defineRoute } from "@/lib/http/contract";
import { component } from "@/lib/http/openapi-component";

const idParams = z.object({ id: z.string() });

const currency = z.string().describe("ISO 4217 code; amounts next to it are in its minor units (JPY has none: 1500 is ¥1,500)");
const money = {
  grossCents: z.number().int().describe("Money taken for sales (never reduced by cancellations or refunds)"),
  refundsCents: z.number().int().describe("Money given back by refunds of those sales"),
  netCents: z.number().int().describe("grossCents - refundsCents"),
};

const currencyRevenue = component("CurrencyRevenue", z.object({ currency, ...money }));

const eventAnalytics = component("EventAnalytics", z.object({
  eventId: z.string(),
  title: z.string(),
  currency: z.string().describe("ISO 4217; revenue is in its minor units"),
  status: z.string().nullable(),
  capacity: z.number().int(),
  seatsSold: z.number().int().describe("Seats in confirmed bookings now (cancellations subtracted)"),
  bookingsConfirmed: z.number().int().describe("Bookings confirmed now"),
  bookingsCancelled: z.number().int(),
  revenueCents: z.number().int().describe("Net revenue (sales minus refunds) in the event's currency; equals netCents"),
  ...money,
  waitlistWaiting: z.number().int().describe("Waitlist entries still waiting"),
  fillRate: z.number().min(0).describe("seatsSold / capacity, 4 decimals"),
  updatedAt: z.string().describe("ISO 8601: when a fact last changed these numbers"),
}));

const dailyPoint = component("DailyAnalyticsPoint", z.object({
  date: z.string().describe("YYYY-MM-DD (UTC): the day, or the first day of the week (Monday) or month bucket"),
  bookings: z.number().int().describe("Bookings confirmed that day"),
  seatsSold: z.number().int().describe("Seats in bookings confirmed that day"),
  cancellations: z.number().int().describe("Bookings cancelled that day"),
  revenueCents: z.number().int().describe("Net money that day in the series' currency: sales confirmed minus refunds made (negative on a day of refunds only)"),
  seatsCancelled: z.number().int().describe("Seats given back by that day's cancellations"),
  revenueCancelledCents: z.number().int().describe("Value, in the series' currency, of the bookings cancelled that day"),
  ...money,
  revenue: z
    .array(
      z.object({
        currency,
        bookings: z.number().int(),
        seatsSold: z.number().int(),
        cancellations: z.number().int(),
        seatsCancelled: z.number().int(),
        ...money,
      }),
    )
    .describe("Every currency you sell in, the series' currency first: each entry counts only the events priced in it"),
}));

const EVENT_ID = "7d3f0e2a-1b4c-4d5e-8f6a-9b0c1d2e3f4a";

export const eventAnalyticsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/analytics/events/{id}",
  operationId: "getEventAnalytics",
  tokenScope: "analytics:read",
  summary: "One event's current totals (owner or admin; other organizers get 404)",
  tags: ["analytics"],
  auth: "user",
  params: idParams,
  responses: { 200: { description: "Current totals, seconds behind the bookings", schema: eventAnalytics, example: { eventId: EVENT_ID, title: "Lisbon JavaScript Night", currency: "EUR", status: "published", capacity: 120, seatsSold: 33, bookingsConfirmed: 20, bookingsCancelled: 2, revenueCents: 49500, waitlistWaiting: 0, fillRate: 0.275, grossCents: 52500, refundsCents: 3000, netCents: 49500, updatedAt: "2026-12-06T12:00:00.000Z" } } },
  errors: { 404: ["NOT_FOUND"] },
});

export const dailyAnalyticsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/analytics/daily",
  operationId: "getDailyAnalytics",
  tokenScope: "analytics:read",
  summary: `Activity per UTC day over your events (admin: all), every day in range present, at most ${MAX_RANGE_DAYS} days`,
  tags: ["analytics"],
  auth: "user",
  permission: "analytics:read",
  query: getDailyAnalyticsInput,
  responses: {
    200: {
      description: "A dense series (zeros on days without activity), oldest first; `bucket=week|month` sums the days per ISO week or month",
      schema: z.object({
        from: z.string(),
        to: z.string(),
        bucket: z.enum(["day", "week", "month"]),
        currency: currency.describe("The currency of revenueCents, grossCents, refundsCents and revenueCancelledCents: the one asked for, else the event's, else the one you sell most seats in"),
        currencies: z.array(z.string()).describe("Every currency you sell in (or the event's): values for `currency`"),
        data: z.array(dailyPoint),
      }),
      example: {
        from: "2026-12-05",
        to: "2026-12-06",
        bucket: "day",
        currency: "EUR",
        currencies: ["EUR", "JPY"],
        data: [
          {
            date: "2026-12-05", bookings: 5, seatsSold: 8, cancellations: 1, revenueCents: 9000, seatsCancelled: 1, revenueCancelledCents: 1500, grossCents: 10500, refundsCents: 1500, netCents: 9000,
            revenue: [
              { currency: "EUR", bookings: 4, seatsSold: 7, cancellations: 1, seatsCancelled: 1, grossCents: 10500, refundsCents: 1500, netCents: 9000 },
              { currency: "JPY", bookings: 1, seatsSold: 1, cancellations: 0, seatsCancelled: 0, grossCents: 3000, refundsCents: 0, netCents: 3000 },
            ],
          },
          {
            date: "2026-12-06", bookings: 0, seatsSold: 0, cancellations: 0, revenueCents: 0, seatsCancelled: 0, revenueCancelledCents: 0, grossCents: 0, refundsCents: 0, netCents: 0,
            revenue: [
              { currency: "EUR", bookings: 0, seatsSold: 0, cancellations: 0, seatsCancelled: 0, grossCents: 0, refundsCents: 0, netCents: 0 },
              { currency: "JPY", bookings: 0, seatsSold: 0, cancellations: 0, seatsCancelled: 0, grossCents: 0, refundsCents: 0, netCents: 0 },
            ],
          },
        ],
      },
    },
  },
  errors: { 404: ["NOT_FOUND"], 422: ["INVALID_RANGE", "RANGE_TOO_LARGE"] },
});

export const topEventsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/analytics/top-events",
  operationId: "getTopEvents",
  tokenScope: "analytics:read",
  summary: "Your best events by seats sold or net revenue (admin: all events); revenue ranks the events of one currency",
  tags: ["analytics"],
  auth: "user",
  permission: "analytics:read",
  query: getTopEventsInput,
  responses: {
    200: {
      description: "Best first",
      schema: z.object({
        data: z.array(
          z.object({
            eventId: z.string(),
            title: z.string(),
            seatsSold: z.number().int(),
            revenueCents: z.number().int().describe("Net revenue in this event's `currency` (equals netCents)"),
            currency,
            capacity: z.number().int(),
            fillRate: z.number(),
            ...money,
          }),
        ),
      }), example: { data: [{ eventId: EVENT_ID, title: "Lisbon JavaScript Night", seatsSold: 33, revenueCents: 49500, currency: "EUR", capacity: 120, fillRate: 0.275, grossCents: 52500, refundsCents: 3000, netCents: 49500 }] } },
  },
});

export const systemAnalyticsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/analytics/system",
  operationId: "getSystemAnalytics",
  tokenScope: "analytics:read",
  summary: "System-wide KPIs (admin)",
  tags: ["analytics"],
  auth: "user",
  permission: "analytics:system",
  query: getSystemAnalyticsInput,
  responses: {
    200: {
      description: "Now",
      schema: z.object({
        users: z.number().int(),
        events: z.number().int(),
        bookings: z.number().int().describe("Bookings confirmed now"),
        seatsSold: z.number().int(),
        revenueCents: z.number().int().describe("Net revenue in `currency` only"),
        waitlistWaiting: z.number().int(),
        jobsBacklog: z.number().int().describe("Events not yet dispatched plus job runs queued or running"),
        currency: currency.describe("The currency of revenueCents: the one asked for, else the one most seats are sold in"),
        revenue: z.array(currencyRevenue).describe("Every currency sold in, most seats first; never added together"),
      }),
      example: {
        users: 1200, events: 85, bookings: 3400, seatsSold: 5100, revenueCents: 7650000, waitlistWaiting: 12, jobsBacklog: 0, currency: "EUR",
        revenue: [
          { currency: "EUR", grossCents: 7800000, refundsCents: 150000, netCents: 7650000 },
          { currency: "GBP", grossCents: 120000, refundsCents: 0, netCents: 120000 },
          { currency: "JPY", grossCents: 450000, refundsCents: 3000, netCents: 447000 },
        ],
      },
    },
  },
});
