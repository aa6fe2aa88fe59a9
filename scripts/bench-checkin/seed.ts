import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { UserActor } from "../../lib/domain/context";

/**
 * The door night for scripts/bench-checkin.ts, written through the domains' own verbs: an
 * organizer's organization, its published free event selling two ticket types, buyers with
 * orders of up to 10 tickets (both types), every 50th order cancelled, and `scanners` members
 * with the check-in staff role, each signed in with an access token. Imported after
 * DATABASE_URL points at the bench database (lib/env reads it once).
 */
export type DoorNight = {
  eventId: string;
  /** Tickets of confirmed orders: each must be let in exactly once. */
  validCodes: string[];
  /** Tickets of cancelled orders: TICKET_NOT_VALID. */
  cancelledCodes: string[];
  scannerTokens: string[];
  typeNames: string[];
};

const TYPES = ["Floor", "Balcony"];
const ORDER_SIZE = 10;
const CANCEL_EVERY = 50;

export async function seedDoorNight({ tickets, scanners }: { tickets: number; scanners: number }): Promise<DoorNight> {
  const { createTestTokens, createTestUser } = await import("../../lib/domain/auth/test-fixtures");
  const { createEvent, publishEvent } = await import("../../lib/domain/events");
  const { cancelBooking, placeOrder } = await import("../../lib/domain/bookings");
  const { acceptInvitation, inviteMember, withMemberships } = await import("../../lib/domain/organizations");
  const { testCtx } = await import("../../tests/harness/db");
  const { getDb } = await import("../../lib/db/client");
  const { ticketTypes } = await import("../../lib/domain/bookings/schema");
  const load = (actor: UserActor) => withMemberships(testCtx(actor), actor);

  const owner = await load((await createTestUser({ role: "organizer", name: "Door Night Org" })).actor);
  const organizationId = owner.memberships![0]!.organizationId;
  const startsAt = new Date(Date.now() + 3_600_000);
  const half = Math.ceil(tickets / 2);
  const draft = await createEvent({
    ctx: testCtx(owner),
    input: {
      title: "Door night",
      venue: "Bench Hall",
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 4 * 3_600_000).toISOString(),
      capacity: tickets,
      perUserLimit: ORDER_SIZE,
      organizationId,
      ticketTypes: TYPES.map((name) => ({ name, priceCents: 0, capacity: half })),
    },
  });
  const event = await publishEvent({ ctx: testCtx(owner), input: { id: draft.id } });
  const types = await getDb().select({ id: ticketTypes.id }).from(ticketTypes).where(eq(ticketTypes.eventId, event.id)).orderBy(asc(ticketTypes.position));
  const typeIds = types.map((t) => t.id);

  const validCodes: string[] = [];
  const cancelledCodes: string[] = [];
  for (let sold = 0, n = 0; sold < tickets; n++) {
    const quantity = Math.min(ORDER_SIZE, tickets - sold);
    const first = Math.ceil(quantity / 2);
    const items = [{ ticketTypeId: typeIds[0]!, quantity: first }];
    if (quantity > first) items.push({ ticketTypeId: typeIds[1]!, quantity: quantity - first });
    const buyer = await createTestUser({ name: `Guest ${n + 1}` });
    const { order } = await placeOrder({ ctx: testCtx(buyer.actor), input: { eventId: event.id, items, idempotencyKey: randomUUID(), payment: { provider: "test", checkoutUrl: null } } });
    const codes = order.tickets.map((t) => t.ticketCode);
    if ((n + 1) % CANCEL_EVERY === 0) {
      await cancelBooking({ ctx: testCtx(buyer.actor), input: { id: order.id } });
      cancelledCodes.push(...codes);
    } else {
      validCodes.push(...codes);
    }
    sold += quantity;
  }

  const scannerTokens: string[] = [];
  for (let s = 0; s < scanners; s++) {
    const staff = await createTestTokens({ name: `Door ${s + 1}` });
    const invitation = await inviteMember({ ctx: testCtx(owner), input: { organizationId, email: staff.email, role: "checkin" } });
    const actor = await load({ type: "user", userId: staff.userId, role: "attendee", emailVerified: true, sessionId: staff.sessionId });
    await acceptInvitation({ ctx: testCtx(actor), input: { id: invitation.id } });
    scannerTokens.push(staff.accessToken);
  }
  return { eventId: event.id, validCodes, cancelledCodes, scannerTokens, typeNames: TYPES };
}
