import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { bookSeats, cancelBooking, upsertEventInventory } from "@/lib/domain/bookings";
import type { UserActor } from "@/lib/domain/context";
import type { ActionState } from "@/lib/web/action";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { nextAttempt, type Attempt } from "./attempt-key";

type Answer = ActionState<{ bookingId: string }> | null;

const attendee = (): UserActor => ({ type: "user", userId: randomUUID(), role: "attendee", emailVerified: true, sessionId: null });

async function publishedEvent({ capacity, perUserLimit = 10 }: { capacity: number; perUserLimit?: number }) {
  const eventId = randomUUID();
  const startsAt = new Date(Date.now() + 86_400_000);
  await upsertEventInventory({
    ctx: testCtx(),
    input: { eventId, organizerId: randomUUID(), capacity, perUserLimit, priceCents: 1000, currency: "EUR", status: "published", startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) },
  });
  return { eventId };
}

/** The booking form as the buyer drives it: each submission sends the current key, each answer moves the key on. */
function bookingForm(eventId: string, actor = attendee()) {
  let attempt: Attempt<Answer> = { key: randomUUID(), answer: null };
  const sentKeys: string[] = [];
  return {
    sentKeys,
    /** One submission with the key the form holds now; its answer becomes the form's state. */
    async submit(quantity: number): Promise<Answer> {
      sentKeys.push(attempt.key);
      const answer: Answer = await bookSeats({ ctx: testCtx(actor), input: { eventId, quantity, idempotencyKey: attempt.key } }).then(
        ({ booking }) => ({ ok: true, data: { bookingId: booking.id } }),
        (error: { code?: string }) => ({ ok: false, code: error.code }),
      );
      attempt = nextAttempt(attempt, answer, randomUUID);
      return answer;
    },
  };
}

describe("the booking form's idempotency key", () => {
  beforeEach(resetDatabase);

  it("stays the same while no answer came back, and changes after every answer, even the same refusal twice", () => {
    const keys = ["k2", "k3"];
    const mint = () => keys.shift()!;
    const first: Attempt<Answer> = { key: "k1", answer: null };
    expect(nextAttempt(first, null, mint)).toBe(first);
    const refused: Answer = { ok: false, code: "SOLD_OUT" };
    const second = nextAttempt(first, refused, mint);
    expect(second).toEqual({ key: "k2", answer: refused });
    expect(nextAttempt(second, refused, mint)).toBe(second);
    expect(nextAttempt(second, { ok: false, code: "SOLD_OUT" }, mint).key).toBe("k3");
  });

  it("lets the buyer lower the quantity after PER_USER_LIMIT instead of answering IDEMPOTENCY_KEY_REUSED", async () => {
    const event = await publishedEvent({ capacity: 10, perUserLimit: 3 });
    const form = bookingForm(event.eventId);
    expect(await form.submit(4)).toMatchObject({ ok: false, code: "PER_USER_LIMIT" });
    expect(await form.submit(3)).toMatchObject({ ok: true });
    expect(new Set(form.sentKeys).size).toBe(2);
  });

  it("books once seats free up after a SOLD_OUT answer, without a reload", async () => {
    const event = await publishedEvent({ capacity: 1 });
    const { booking } = await bookSeats({ ctx: testCtx(attendee()), input: { eventId: event.eventId, quantity: 1, idempotencyKey: randomUUID() } });
    const form = bookingForm(event.eventId);
    expect(await form.submit(1)).toMatchObject({ ok: false, code: "SOLD_OUT" });
    await cancelBooking({ ctx: testCtx(), input: { id: booking.id } });
    expect(await form.submit(1)).toMatchObject({ ok: true });
  });
});
