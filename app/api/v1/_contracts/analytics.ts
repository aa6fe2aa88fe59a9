import { z } from "zod";
import { getDailyAnalyticsInput, getTopEventsInput, MAX_RANGE_DAYS } from "@/lib/domain/analytics";
import { defineRoute } from "@/lib/http/contract";

const idParams = z.object({ id: z.string() });

const eventAnalytics = z.object({
  eventId: z.string(),
  title: z.string(),
  currency: z.string().describe("ISO 4217; revenue is in its minor units"),
  status: z.string().nullable(),
  capacity: z.number().int(),
  seatsSold: z.number().int().describe("Seats in confirmed bookings now (cancellations subtracted)"),
  bookingsConfirmed: z.number().int().describe("Bookings confirmed now"),
  bookingsCancelled: z.number().int(),
  revenueCents: z.number().int().describe("Revenue of bookings confirmed now"),
  waitlistWaiting: z.number().int().describe("Waitlist entries still waiting"),
  fillRate: z.number().min(0).describe("seatsSold / capacity, 4 decimals"),
  updatedAt: z.string().describe("ISO 8601: when a fact last changed these numbers"),
});

const dailyPoint = z.object({
  date: z.string().describe("YYYY-MM-DD (UTC): the day, or the first day of the week (Monday) or month bucket"),
  bookings: z.number().int().describe("Bookings confirmed that day"),
  seatsSold: z.number().int().describe("Seats in bookings confirmed that day"),
  cancellations: z.number().int().describe("Bookings cancelled that day"),
  revenueCents: z.number().int().describe("Revenue of bookings confirmed that day"),
  seatsCancelled: z.number().int().describe("Seats given back by that day's cancellations"),
  revenueCancelledCents: z.number().int().describe("Revenue given back by that day's cancellations"),
});

export const eventAnalyticsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/analytics/events/{id}",
  summary: "One event's current totals (owner or admin; other organizers get 404)",
  tags: ["analytics"],
  auth: "user",
  params: idParams,
  responses: { 200: { description: "Current totals, seconds behind the bookings", schema: eventAnalytics } },
  errors: [401, 403, 404],
});

export const dailyAnalyticsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/analytics/daily",
  summary: `Activity per UTC day over your events (admin: all), every day in range present, at most ${MAX_RANGE_DAYS} days`,
  tags: ["analytics"],
  auth: "user",
  permission: "analytics:read",
  query: getDailyAnalyticsInput,
  responses: {
    200: {
      description: "A dense series (zeros on days without activity), oldest first; `bucket=week|month` sums the days per ISO week or month",
      schema: z.object({ from: z.string(), to: z.string(), bucket: z.enum(["day", "week", "month"]), data: z.array(dailyPoint) }),
    },
  },
  errors: [401, 403, 404, 422],
});

export const topEventsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/analytics/top-events",
  summary: "Your best events by seats sold or revenue (admin: all events)",
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
            revenueCents: z.number().int(),
            currency: z.string(),
            capacity: z.number().int(),
            fillRate: z.number(),
          }),
        ),
      }),
    },
  },
  errors: [401, 403, 422],
});

export const systemAnalyticsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/analytics/system",
  summary: "System-wide KPIs (admin)",
  tags: ["analytics"],
  auth: "user",
  permission: "analytics:system",
  responses: {
    200: {
      description: "Now",
      schema: z.object({
        users: z.number().int(),
        events: z.number().int(),
        bookings: z.number().int().describe("Bookings confirmed now"),
        seatsSold: z.number().int(),
        revenueCents: z.number().int().describe("Summed across currencies, in minor units"),
        waitlistWaiting: z.number().int(),
        jobsBacklog: z.number().int().describe("Events not yet dispatched plus job runs queued or running"),
      }),
    },
  },
  errors: [401, 403],
});
