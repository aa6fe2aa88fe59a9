import { eventType } from "inngest";
import { z } from "zod";
import { authEvents } from "@/lib/domain/auth/events";
import { bookingEvents } from "@/lib/domain/bookings/events";
import { eventEvents } from "@/lib/domain/events/events";
import { webhookEvents } from "@/lib/domain/webhooks/events";
import { paymentEvents } from "@/lib/domain/payments/events";
import { organizationEvents } from "@/lib/domain/organizations/events";
// One import per domain that emits facts; each file is a plain `{ "name": z.object(…) }` map.

/** Facts of the jobs platform itself. */
const platformEvents = {
  "platform.demo_requested": z.object({ to: z.email() }),
};

/**
 * Every event the app emits, by name: one spread line per domain. Each domain keeps its names
 * under its own prefix (`booking.…`, `event.…`), so spreads never overwrite one another.
 */
export const eventSchemas = {
  ...platformEvents,
  ...authEvents,
  ...bookingEvents,
  ...eventEvents,
  ...webhookEvents,
  ...paymentEvents,
  ...organizationEvents,
} satisfies Record<string, z.ZodObject>;

export type EventName = keyof typeof eventSchemas;
export type EventData<N extends EventName> = z.infer<(typeof eventSchemas)[N]>;

type EventTypes = { [N in EventName]: ReturnType<typeof eventType<N, (typeof eventSchemas)[N]>> };

/** Inngest triggers with the same schemas: `triggers: [events["booking.confirmed"]]` types `event.data`. */
export const events = Object.fromEntries(
  Object.entries(eventSchemas).map(([name, schema]: [string, z.ZodObject]) => [name, eventType(name, { schema })]),
) as unknown as EventTypes;

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(eventSchemas, name);
}
