import type { Db } from "@/lib/db/client";
import { getUsersByEmails } from "@/lib/domain/auth";
import { system, type Ctx } from "@/lib/domain/context";
import { createEvent, getEventsByIds, listEventIdsByOrganizer, publishEvent } from "@/lib/domain/events";
import { env } from "@/lib/env";
import type { Logger } from "@/lib/log/logger";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

type DemoEvent = {
  organizer: "org1@evently.local" | "org2@evently.local";
  title: string;
  description: string;
  venue: string;
  category: string;
  /** Days from today (UTC midnight) and the UTC hour it starts. */
  inDays: number;
  at: number;
  hours: number;
  capacity: number;
  priceCents: number;
  currency: string;
  /** Buyers may cancel for a refund until this many hours before the start; none when absent. */
  refundHoursBeforeStart?: number;
  draft?: boolean;
};

/** A dozen realistic events across categories and the coming weeks; one almost sold out (small), one draft. */
const DEMO_EVENTS: DemoEvent[] = [
  { organizer: "org1@evently.local", title: "Fado by the River", description: "An intimate evening of Lisbon fado with a guitarra portuguesa trio. Doors open 30 minutes before.", venue: "Casa do Rio, Lisbon", category: "music", inDays: 3, at: 20, hours: 2, capacity: 80, priceCents: 2200, currency: "EUR", refundHoursBeforeStart: 48 },
  { organizer: "org1@evently.local", title: "Rooftop Acoustic Session", description: "Six songwriters, one rooftop, sunset. Only a handful of seats: bring a blanket.", venue: "Skyline Terrace, Porto", category: "music", inDays: 6, at: 18, hours: 3, capacity: 8, priceCents: 1500, currency: "EUR" },
  { organizer: "org1@evently.local", title: "TypeScript Deep Dive", description: "A full day on the type system: generics, conditional types, inference tricks, and what is new this year.", venue: "Tech Hub Auditorium, Berlin", category: "tech", inDays: 10, at: 8, hours: 8, capacity: 200, priceCents: 9900, currency: "EUR", refundHoursBeforeStart: 72 },
  { organizer: "org1@evently.local", title: "Postgres Performance Clinic", description: "Bring your slowest query. We read EXPLAIN plans together and fix indexes live.", venue: "Online (link sent after booking)", category: "tech", inDays: 15, at: 16, hours: 2, capacity: 500, priceCents: 0, currency: "USD" },
  { organizer: "org1@evently.local", title: "Street Food Market", description: "Forty stalls from twelve cuisines, live DJ, and a kids corner. Entry ticket includes one tasting token.", venue: "Harbour Square, Lisbon", category: "food", inDays: 4, at: 11, hours: 9, capacity: 1500, priceCents: 500, currency: "EUR", refundHoursBeforeStart: 24 },
  { organizer: "org1@evently.local", title: "Natural Wine Tasting", description: "Eight low-intervention wines from small Iberian producers, paired with local cheeses.", venue: "Adega Velha, Porto", category: "food", inDays: 21, at: 19, hours: 2, capacity: 30, priceCents: 4500, currency: "EUR", refundHoursBeforeStart: 48 },
  { organizer: "org1@evently.local", title: "Winter Jazz Festival (draft)", description: "Three nights, nine bands. Line-up still being confirmed.", venue: "Blue Room, Lisbon", category: "music", inDays: 60, at: 19, hours: 5, capacity: 400, priceCents: 6000, currency: "EUR", refundHoursBeforeStart: 48, draft: true },
  { organizer: "org2@evently.local", title: "Founders Breakfast", description: "Coffee, pastries and short talks from three founders on their first 100 customers.", venue: "The Commons, London", category: "business", inDays: 5, at: 7, hours: 2, capacity: 60, priceCents: 1800, currency: "GBP", refundHoursBeforeStart: 24 },
  { organizer: "org2@evently.local", title: "Community 5K Fun Run", description: "A relaxed loop around the park for all paces. Medal and smoothie at the finish.", venue: "Riverside Park, London", category: "sports", inDays: 8, at: 8, hours: 3, capacity: 300, priceCents: 1000, currency: "GBP", refundHoursBeforeStart: 48 },
  { organizer: "org2@evently.local", title: "Modern Printmaking Workshop", description: "Learn linocut from sketch to print. All materials included; take home three prints.", venue: "Studio 9, Manchester", category: "arts", inDays: 12, at: 13, hours: 4, capacity: 12, priceCents: 5500, currency: "GBP" },
  { organizer: "org2@evently.local", title: "Neighbourhood Repair Café", description: "Bring a broken lamp, bike or jumper; volunteers help you fix it. Free, donations welcome.", venue: "Community Hall, Leeds", category: "community", inDays: 2, at: 10, hours: 4, capacity: 40, priceCents: 0, currency: "GBP" },
  { organizer: "org2@evently.local", title: "Tokyo Ramen Pop-up", description: "A visiting chef from Tokyo serves three bowls in one night only.", venue: "Kitchen Lab, London", category: "food", inDays: 18, at: 18, hours: 3, capacity: 40, priceCents: 3500, currency: "JPY", refundHoursBeforeStart: 24 },
  { organizer: "org2@evently.local", title: "Open-Air Cinema: Classics Night", description: "A double bill of restored classics under the stars. Deck chairs provided.", venue: "Castle Gardens, Edinburgh", category: "arts", inDays: 27, at: 20, hours: 4, capacity: 250, priceCents: 1200, currency: "GBP", refundHoursBeforeStart: 48 },
];

/**
 * Demo catalogue owned by the seeded organizers. Idempotent by (organizer, title): an event that
 * already exists is left alone, so restarts neither duplicate nor move anything. Skipped when
 * the demo organizers do not exist (SEED_DEMO=false, or the auth seed did not run).
 */
export async function seedDemoEvents({ db, log }: { db: Db; log: Logger }): Promise<void> {
  if (!env.SEED_DEMO) return;
  const ctx: Ctx = { actor: system, db, requestId: "seed", log, now: () => new Date() };
  const organizers = await getUsersByEmails({ ctx, input: { emails: ["org1@evently.local", "org2@evently.local"] } });
  const idOf = new Map(organizers.map((u) => [u.email.toLowerCase(), u.id]));
  if (idOf.size < 2) {
    log.warn("seed.demo_events_skipped: demo organizers not found");
    return;
  }
  const ownedIds = (await Promise.all([...idOf.values()].map((organizerId) => listEventIdsByOrganizer({ ctx, input: { organizerId } })))).flat();
  const existing = new Set((await getEventsByIds({ ctx, input: { ids: ownedIds } })).map((e) => `${e.organizerId}:${e.title}`));

  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  let created = 0;
  for (const { organizer, inDays, at, hours, draft, ...fields } of DEMO_EVENTS) {
    const organizerId = idOf.get(organizer)!;
    if (existing.has(`${organizerId}:${fields.title}`)) continue;
    const startsAt = today + inDays * DAY_MS + at * HOUR_MS;
    const event = await createEvent({
      ctx,
      input: { ...fields, organizerId, startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + hours * HOUR_MS).toISOString() },
    });
    if (!draft) await publishEvent({ ctx, input: { id: event.id } });
    created++;
  }
  if (created > 0) log.info({ created }, "seed.demo_events_created");
}
