import { DEFAULT_HOLD_MINUTES, type Event, type EventDefaults } from "@/lib/domain/events";
import { currencyDigits } from "@/lib/format/money";
import { instantToZonedLocal } from "@/lib/format/time-zone";

/**
 * What the event form shows: strings, times as `YYYY-MM-DDTHH:mm` wall-clock times in the event's
 * own zone for datetime-local inputs, price in major units.
 */
export type EventFormValues = Record<
  "title" | "description" | "venue" | "category" | "startsAt" | "endsAt" | "timezone" | "capacity" | "price" | "currency" | "perUserLimit" | "holdMinutes" | "refundHoursBeforeStart" | "onlineUrl" | "nameChangeDeadline" | "transfersAllowed",
  string
>;

/** The currency's decimals for the price field; a code still being typed (malformed) reads as 2. */
export function fractionDigits(currency: string): number {
  try {
    return currencyDigits(currency);
  } catch {
    return 2;
  }
}

/** `onlineUrl` is read apart from the event (getOnlineUrl), which never carries the link. */
export function toFormValues(event: Event, onlineUrl: string | null): EventFormValues {
  const digits = fractionDigits(event.currency);
  return {
    title: event.title,
    description: event.description,
    venue: event.venue,
    category: event.category,
    startsAt: instantToZonedLocal(event.startsAt, event.timezone),
    endsAt: instantToZonedLocal(event.endsAt, event.timezone),
    timezone: event.timezone,
    capacity: String(event.capacity),
    price: (event.priceCents / 10 ** digits).toFixed(digits),
    currency: event.currency,
    perUserLimit: String(event.perUserLimit),
    holdMinutes: String(event.holdMinutes),
    refundHoursBeforeStart: event.refundHoursBeforeStart === null ? "" : String(event.refundHoursBeforeStart),
    onlineUrl: onlineUrl ?? "",
    nameChangeDeadline: event.nameChangeDeadline ? instantToZonedLocal(event.nameChangeDeadline, event.timezone) : "",
    transfersAllowed: event.transfersAllowed ? "on" : "",
  };
}

/** A new event's form, in the zone and currency the organizer last used. */
export const emptyEventForm = ({ timezone, currency }: EventDefaults): EventFormValues => ({
  title: "",
  description: "",
  venue: "",
  category: "music",
  startsAt: "",
  endsAt: "",
  timezone,
  capacity: "100",
  price: "0",
  currency,
  perUserLimit: "10",
  holdMinutes: String(DEFAULT_HOLD_MINUTES),
  refundHoursBeforeStart: "",
  onlineUrl: "",
  nameChangeDeadline: "",
  transfersAllowed: "",
});
