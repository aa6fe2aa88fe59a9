import { z } from "zod";

/**
 * The facts the events domain emits (SEAMS.md). Each carries a snapshot of the event as it is
 * after the change, so consumers (bookings emails, analytics, cache invalidation) never read
 * the events tables.
 */
const snapshot = z.object({
  eventId: z.uuid(),
  organizerId: z.uuid(),
  /** Null for an event outside any organization; absent from facts written before facts carried it. */
  organizationId: z.uuid().nullable().optional(),
  title: z.string(),
  venue: z.string(),
  category: z.string(),
  capacity: z.number().int(),
  priceCents: z.number().int(),
  currency: z.string(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  /** Facts written before events had a zone read as UTC, which is what they were shown in. */
  timezone: z.string().default("UTC"),
  status: z.enum(["draft", "published", "cancelled"]),
  version: z.number().int(),
});

export type EventSnapshot = z.infer<typeof snapshot>;

export const eventEvents = {
  "event.created": snapshot,
  "event.published": snapshot,
  "event.updated": snapshot.extend({
    changes: z.array(z.string()),
    /** What attendees were told before the edit, for the "event changed" email. */
    previous: z
      .object({ title: z.string(), venue: z.string(), startsAt: z.iso.datetime({ offset: true }), endsAt: z.iso.datetime({ offset: true }) })
      .optional(),
  }),
  "event.cancelled": snapshot,
};
