import { can } from "@/lib/domain/auth";
import type { Actor } from "@/lib/domain/context";
import { imageSources, type ImageRef, type ImageSources } from "@/lib/domain/media";
import { events, type EventStatus } from "./schema";
import type { EventSnapshot } from "./events";
import { DEFAULT_HOLD_MINUTES } from "./event-fields";

/** API.md `ticketType`: what anyone may know of a type the event sells. */
export type EventTicketType = {
  id: string;
  name: string;
  description: string;
  priceCents: number;
  capacity: number | null;
  seatsAvailable: number;
  salesStartAt: string | null;
  salesEndAt: string | null;
  perOrderMax: number;
  hidden: boolean;
};

/** Every column but the search document: what use cases read, cache and hand out. */
export const eventColumns = {
  id: events.id,
  organizerId: events.organizerId,
  organizationId: events.organizationId,
  title: events.title,
  description: events.description,
  venue: events.venue,
  category: events.category,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  timezone: events.timezone,
  capacity: events.capacity,
  priceCents: events.priceCents,
  currency: events.currency,
  perUserLimit: events.perUserLimit,
  holdMinutes: events.holdMinutes,
  refundHoursBeforeStart: events.refundHoursBeforeStart,
  status: events.status,
  coverImage: events.coverImage,
  onlineUrl: events.onlineUrl,
  nameChangeDeadline: events.nameChangeDeadline,
  transfersAllowed: events.transfersAllowed,
  cancellationReason: events.cancellationReason,
  version: events.version,
  publishedAt: events.publishedAt,
  cancelledAt: events.cancelledAt,
  createdAt: events.createdAt,
  updatedAt: events.updatedAt,
};

export type EventRecord = {
  id: string;
  organizerId: string;
  organizationId: string | null;
  title: string;
  description: string;
  venue: string;
  category: string;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  capacity: number;
  priceCents: number;
  currency: string;
  perUserLimit: number;
  holdMinutes: number;
  refundHoursBeforeStart: number | null;
  status: EventStatus;
  coverImage: ImageRef | null;
  onlineUrl: string | null;
  nameChangeDeadline: Date | null;
  transfersAllowed: boolean;
  cancellationReason: string | null;
  version: number;
  publishedAt: Date | null;
  cancelledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * The event as the faces show it: seats from the bookings domain, "past" derived from the end
 * time. The join link is not part of it (only whether there is one): an Event is cached, listed
 * and served to anyone, the link only to ticket holders through getOnlineUrl.
 */
export type Event = Omit<EventRecord, "publishedAt" | "cancelledAt" | "coverImage" | "onlineUrl"> & {
  isOnline: boolean;
  seatsAvailable: number;
  isPast: boolean;
  coverImage: ImageSources | null;
  ticketTypes: EventTicketType[];
};

export function toEvent(record: EventRecord, seatsAvailable: number | undefined, now: Date, ticketTypes: EventTicketType[] = []): Event {
  const { publishedAt: _published, cancelledAt: _cancelled, coverImage, onlineUrl, ...rest } = record;
  return {
    ...rest,
    // A record cached before the column existed has none; the column's default is what it meant.
    holdMinutes: record.holdMinutes ?? DEFAULT_HOLD_MINUTES,
    // Records cached before these columns existed have none; the columns' defaults are what they meant.
    nameChangeDeadline: record.nameChangeDeadline ?? null,
    transfersAllowed: record.transfersAllowed ?? false,
    cancellationReason: record.cancellationReason ?? null,
    // Cached before the column existed: no self-service refunds, the column's default.
    refundHoursBeforeStart: record.refundHoursBeforeStart ?? null,
    ticketTypes,
    // Boolean, not !== null: a record cached before the column existed has no onlineUrl at all.
    isOnline: Boolean(onlineUrl),
    coverImage: coverImage ? imageSources(coverImage) : null,
    // Inventory is written in the event's own transaction; a missing row only means nothing was ever booked.
    seatsAvailable: seatsAvailable ?? record.capacity,
    isPast: record.endsAt.getTime() <= now.getTime(),
  };
}

/**
 * Drafts are private to their organizer and admins, and so is a draft that was withdrawn
 * (cancelled without ever being published). Everything that was ever public stays visible.
 */
export function canView(actor: Actor, record: Pick<EventRecord, "organizerId" | "organizationId" | "publishedAt">): boolean {
  if (record.publishedAt !== null) return true;
  return can(actor, "event:manage", eventResource(record));
}

/**
 * What the policy needs to know of an event: its organization, or its organizer for one outside
 * any. A record cached before organizations has no organizationId at all, which reads as none.
 */
export function eventResource(record: Pick<EventRecord, "organizerId" | "organizationId">): { organizerId: string; organizationId: string | null } {
  return { organizerId: record.organizerId, organizationId: record.organizationId ?? null };
}

export function toSnapshot(record: EventRecord): EventSnapshot {
  return {
    eventId: record.id,
    organizerId: record.organizerId,
    organizationId: record.organizationId ?? null,
    title: record.title,
    venue: record.venue,
    category: record.category,
    capacity: record.capacity,
    priceCents: record.priceCents,
    currency: record.currency,
    startsAt: record.startsAt.toISOString(),
    endsAt: record.endsAt.toISOString(),
    timezone: record.timezone,
    status: record.status,
    version: record.version,
  };
}
