import { z } from "zod";
import type { $ZodRawIssue, ParsePayload } from "zod/v4/core";
import { boundedInstant } from "@/lib/domain/instants";
import { CURRENCY_CODES } from "@/lib/format/currency";
import { isTimeZone } from "@/lib/format/time-zone";

/**
 * The rules an event's fields obey, shared by create and update. Category is free text
 * (bounded, lowercased) so organizers are not boxed in; these are the ones the UI suggests.
 */
export const SUGGESTED_CATEGORIES = ["music", "tech", "business", "arts", "sports", "food", "community", "other"] as const;

export const DEFAULT_PER_USER_LIMIT = 10;

const CATEGORY_SHAPE = /^[\p{L}\p{N}][\p{L}\p{N} &'-]*$/u;

/** How long an unpaid order holds its seats when the organizer says nothing (API.md). */
export const DEFAULT_HOLD_MINUTES = 10;

// Kept as strings (no transform), so a parsed input parses again unchanged and documents itself in OpenAPI.
const dateTime = boundedInstant();

export const eventFields = {
  title: z
    .string()
    .trim()
    .min(3, "must be at least 3 characters")
    .max(200, "must be at most 200 characters"),
  description: z.string().trim().max(5000, "must be at most 5000 characters"),
  venue: z
    .string()
    .trim()
    .min(2, "must be at least 2 characters")
    .max(200, "must be at most 200 characters"),
  category: z
    .string()
    .trim()
    .toLowerCase()
    .min(2, "must be at least 2 characters")
    .max(40, "must be at most 40 characters")
    // A refinement, not .regex(): letters of every script need the regex's `u` flag, and an
    // OpenAPI `pattern` carries no flags, so as a pattern it matched nothing for validating clients.
    .refine((value) => CATEGORY_SHAPE.test(value), "may contain letters, digits, spaces, &, ' and -")
    .describe("Lowercased; letters (any script), digits, spaces, &, ' and -, starting with a letter or digit"),
  startsAt: dateTime,
  endsAt: dateTime,
  timezone: z.string().trim().max(64, "must be at most 64 characters").refine(isTimeZone, "must be an IANA time zone, e.g. Europe/Lisbon"),
  capacity: z
    .number()
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(1_000_000, "must be at most 1000000"),
  // Bounded so price × the per-user limit still fits a 32-bit integer total.
  priceCents: z
    .number()
    .int("must be a whole number of minor units (cents)")
    .min(0, "must not be negative")
    .max(100_000_000, "must be at most 100000000"),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "must be a 3-letter uppercase ISO 4217 code, e.g. USD")
    .refine((code) => CURRENCY_CODES.has(code), "is not an ISO 4217 currency code"),
  // https only: the link is handed to ticket holders, and a javascript: or plain-http link must not be.
  onlineUrl: z.url({ protocol: /^https$/, hostname: z.regexes.domain, error: "must be an https:// link, e.g. https://meet.example.com/abc" }).max(2000, "must be at most 2000 characters"),
  nameChangeDeadline: dateTime.describe("Until when buyers may change attendee names; null: until the event starts"),
  transfersAllowed: z.boolean().describe("Whether holders may transfer a ticket to another email address"),
  perUserLimit: z
    .number()
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(10, "must be at most 10"),
  holdMinutes: z
    .number()
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(60, "must be at most 60")
    .describe("How long an unpaid order holds its seats, in minutes"),
  // A year at most: a deadline further out than any sale runs says nothing a buyer can use.
  refundHoursBeforeStart: z
    .number()
    .int("must be a whole number")
    .min(0, "must not be negative")
    .max(8760, "must be at most 8760 (a year)")
    .describe("Buyers may cancel a paid order for a full refund until this many hours before the start; null: no self-service refunds"),
};

export const END_AFTER_START = "must be after the start time";

export function endsAfterStarts(e: { startsAt: Date | string; endsAt: Date | string }): boolean {
  return new Date(e.endsAt).getTime() > new Date(e.startsAt).getTime();
}

/** Runs only when both times parsed, so every other field error is still reported with it. */
export const endsAfterStartsCheck = {
  path: ["endsAt"],
  message: END_AFTER_START,
  when: (payload: ParsePayload) =>
    typeof payload.value === "object" &&
    payload.value !== null &&
    payload.issues.every((issue: $ZodRawIssue) => !["startsAt", "endsAt"].includes(String(issue.path?.[0]))),
};
