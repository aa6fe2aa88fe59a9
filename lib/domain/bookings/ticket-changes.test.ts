import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { sendTicketTransferredEmailOnTransfer } from "@/inngest/functions/send-ticket-transferred-email";
import { getDb } from "@/lib/db/client";
import type { UserActor } from "@/lib/domain/context";
import { createTestUser } from "@/lib/domain/auth/test-fixtures";
import { drainJobs } from "@/lib/jobs/drain";
import { listMailbox } from "@/lib/mail/list-mailbox";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { bookSeats } from "./book-seats";
import { getOrder } from "./get-order";
import { renameTicket } from "./rename-ticket";
import { publishedEvent } from "@/lib/domain/events/event-fixtures";
import { auditLog, bookingItems } from "./schema";
import { attendee } from "./test-fixtures";
import { transferTicket } from "./transfer-ticket";

/** An event made through the events domain, so its ticket rules reach bookings the way they do in the app. */
async function boughtTicket(rules: { nameChangeDeadline?: string; transfersAllowed?: boolean } = {}) {
  const [buyer, organizer] = await Promise.all([createTestUser({ name: "Ann Buyer" }), createTestUser({ role: "organizer" })]);
  const event = await publishedEvent(organizer.actor, { priceCents: 0, ...rules });
  const { booking } = await bookSeats({ ctx: testCtx(buyer.actor), input: { eventId: event.id, quantity: 2, idempotencyKey: randomUUID() } });
  const order = await getOrder({ ctx: testCtx(buyer.actor), input: { orderId: booking.id } });
  return { buyer, organizer, event, order, ticket: order.tickets[0]! };
}

describe("tickets people carry", () => {
  beforeEach(resetDatabase);

  it("lets the buyer name a ticket's attendee, audited, and nobody else", async () => {
    const { buyer, organizer, order, ticket } = await boughtTicket();
    await renameTicket({ ctx: testCtx(buyer.actor), input: { ticketId: ticket.id, attendeeName: "  Ben Ortiz " } });
    const after = await getOrder({ ctx: testCtx(buyer.actor), input: { orderId: order.id } });
    expect(after.tickets.find((t) => t.id === ticket.id)?.attendeeName).toBe("Ben Ortiz");
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.bookingId, order.id));
    expect(audit.filter((a) => a.action === "ticket.renamed")).toEqual([
      expect.objectContaining({ actorId: buyer.id, before: { ticketId: ticket.id, attendeeName: null }, after: { ticketId: ticket.id, attendeeName: "Ben Ortiz" } }),
    ]);

    await expect(renameTicket({ ctx: testCtx(organizer.actor), input: { ticketId: ticket.id, attendeeName: "X" } })).rejects.toMatchObject({ kind: "Forbidden" });
    await expect(renameTicket({ ctx: testCtx(attendee()), input: { ticketId: ticket.id, attendeeName: "X" } })).rejects.toMatchObject({ kind: "NotFound" });
  });

  it("tells the event's organization members a ticket is not theirs to change, and hides it from a creator no longer in the organization", async () => {
    const organizationId = randomUUID();
    const [buyer, creator] = await Promise.all([createTestUser(), createTestUser({ role: "organizer" })]);
    const creatorInTeam = { ...creator.actor, memberships: [{ organizationId, role: "manager" as const }] };
    const event = await publishedEvent(creatorInTeam, { priceCents: 0 });
    const { booking } = await bookSeats({ ctx: testCtx(buyer.actor), input: { eventId: event.id, quantity: 1, idempotencyKey: randomUUID() } });
    const [ticket] = (await getOrder({ ctx: testCtx(buyer.actor), input: { orderId: booking.id } })).tickets;
    const rename = (actor: UserActor) => renameTicket({ ctx: testCtx(actor), input: { ticketId: ticket!.id, attendeeName: "X" } });
    await expect(rename(attendee({ memberships: [{ organizationId, role: "finance" }] }))).rejects.toMatchObject({ kind: "Forbidden" });
    await expect(rename({ ...creator.actor, memberships: [] })).rejects.toMatchObject({ kind: "NotFound" });
  });

  it("refuses a name change after the event's name-change deadline", async () => {
    const { buyer, ticket } = await boughtTicket({ nameChangeDeadline: new Date(Date.now() - 60_000).toISOString() });
    await expect(renameTicket({ ctx: testCtx(buyer.actor), input: { ticketId: ticket.id, attendeeName: "Ben" } })).rejects.toMatchObject({ code: "NAME_CHANGE_CLOSED" });
  });

  it("refuses a transfer where the organizer does not allow them", async () => {
    const { buyer, ticket } = await boughtTicket({ transfersAllowed: false });
    await expect(transferTicket({ ctx: testCtx(buyer.actor), input: { ticketId: ticket.id, email: "ben@example.com" } })).rejects.toMatchObject({ code: "TRANSFER_NOT_ALLOWED" });
  });

  it("transfers a ticket: a new code replaces the old one, the new holder is mailed it, and the change is audited", async () => {
    const { buyer, order, ticket } = await boughtTicket({ transfersAllowed: true });
    await transferTicket({ ctx: testCtx(buyer.actor), input: { ticketId: ticket.id, email: " Ben@Example.com ", attendeeName: "Ben Ortiz" } });

    const [row] = await getDb().select().from(bookingItems).where(eq(bookingItems.id, ticket.id));
    expect(row).toMatchObject({ holderEmail: "ben@example.com", attendeeName: "Ben Ortiz" });
    expect(row!.ticketCode).not.toBe(ticket.ticketCode);
    expect(await getDb().select().from(bookingItems).where(eq(bookingItems.ticketCode, ticket.ticketCode))).toHaveLength(0);
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.bookingId, order.id));
    const transferred = audit.find((a) => a.action === "ticket.transferred");
    expect(transferred).toMatchObject({ actorId: buyer.id, after: { ticketId: ticket.id, holderEmail: "ben@example.com", attendeeName: "Ben Ortiz" } });
    expect(JSON.stringify(transferred)).not.toContain(row!.ticketCode);

    await drainJobs({ db: getDb(), functions: [sendTicketTransferredEmailOnTransfer], timeoutMs: 10_000 });
    const [mail] = await listMailbox(getDb(), { to: "ben@example.com", limit: 5 });
    expect(mail?.subject).toContain("Ann Buyer sent you a ticket");
    expect(mail?.text).toContain(row!.ticketCode);
    expect(mail?.text).not.toContain(ticket.ticketCode);
  });
});
