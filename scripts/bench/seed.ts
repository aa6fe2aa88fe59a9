import { getDb, closeDb } from "@/lib/db/client";
import { system, type Ctx } from "@/lib/domain/context";
import { createEvent, publishEvent } from "@/lib/domain/events";
import { hashPassword } from "@/lib/domain/auth/password";
import { users } from "@/lib/domain/auth/schema";
import { logger } from "@/lib/log/logger";

/**
 * The bench's data, written straight through the domain (no HTTP, no email round trip): one
 * organizer, `events` published events with room for the whole run, `attendees` verified
 * accounts sharing one password (one argon2 hash), returned for the token requests.
 */
export const BENCH_PASSWORD = "bench-password-0123456789";

const WORDS = ["jazz", "rust", "marathon", "cooking", "startup", "poetry", "robotics", "opera", "chess", "yoga"];

export type BenchData = { eventIds: string[]; emails: string[]; words: string[] };

export async function seedBench({ events, attendees }: { events: number; attendees: number }): Promise<BenchData> {
  const db = getDb();
  const ctx: Ctx = { actor: system, db, requestId: "bench-seed", log: logger, now: () => new Date() };
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const emails = Array.from({ length: attendees }, (_, i) => `bench-${i}@evently.test`);
  const [organizer] = await db
    .insert(users)
    .values({ email: "bench-organizer@evently.test", name: "Bench Organizer", role: "organizer", passwordHash, emailVerifiedAt: new Date() })
    .returning({ id: users.id });
  await db.insert(users).values(emails.map((email, i) => ({ email, name: `Bench ${i}`, role: "attendee" as const, passwordHash, emailVerifiedAt: new Date() })));

  const eventIds: string[] = [];
  for (let i = 0; i < events; i++) {
    const startsAt = new Date(Date.now() + (i + 1) * 86_400_000);
    const event = await createEvent({
      ctx,
      input: {
        organizerId: organizer!.id,
        title: `${WORDS[i % WORDS.length]} night ${i}`,
        description: `Bench event ${i} about ${WORDS[i % WORDS.length]}.`,
        venue: `Hall ${i % 7}`,
        category: ["music", "tech", "sports", "food"][i % 4],
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
        capacity: 100_000,
        priceCents: 1_500 + i,
        currency: "EUR",
      },
    });
    await publishEvent({ ctx, input: { id: event.id } });
    eventIds.push(event.id);
  }
  await closeDb();
  return { eventIds, emails, words: WORDS };
}
