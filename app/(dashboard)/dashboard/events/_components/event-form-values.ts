import type { Event } from "@/lib/domain/events";
import { currencyDigits } from "@/lib/format/money";

/** What the event form shows: strings, times as UTC `YYYY-MM-DDTHH:mm` for datetime-local inputs, price in major units. */
export type EventFormValues = Record<
  "title" | "description" | "venue" | "category" | "startsAt" | "endsAt" | "capacity" | "price" | "currency" | "perUserLimit",
  string
>;

const utcMinutes = (at: Date) => at.toISOString().slice(0, 16);

/** The currency's decimals for the price field; a code still being typed (malformed) reads as 2. */
export function fractionDigits(currency: string): number {
  try {
    return currencyDigits(currency);
  } catch {
    return 2;
  }
}

export function toFormValues(event: Event): EventFormValues {
  const digits = fractionDigits(event.currency);
  return {
    title: event.title,
    description: event.description,
    venue: event.venue,
    category: event.category,
    startsAt: utcMinutes(event.startsAt),
    endsAt: utcMinutes(event.endsAt),
    capacity: String(event.capacity),
    price: (event.priceCents / 10 ** digits).toFixed(digits),
    currency: event.currency,
    perUserLimit: String(event.perUserLimit),
  };
}

export const EMPTY_EVENT_FORM: EventFormValues = {
  title: "",
  description: "",
  venue: "",
  category: "music",
  startsAt: "",
  endsAt: "",
  capacity: "100",
  price: "0",
  currency: "USD",
  perUserLimit: "10",
};
