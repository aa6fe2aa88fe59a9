import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import { authorize } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { Forbidden, Validation } from "@/lib/domain/errors";
import { emit } from "@/lib/jobs/emit";
import { actorIdOf } from "./audit";
import { loadEventToManage, refuseIfCancelled } from "./event-to-manage";
import { attendeeMessages, bookingItems, bookings, ticketTypes, type AttendeeMessageRow } from "./schema";
import { eventResource } from "./event-resource";

export const attendeeMessageBody = z.object({
  /** Null: every ticket holder of the event. */
  ticketTypeId: z.uuid().nullable().default(null),
  subject: z.string().trim().min(3, "must be at least 3 characters").max(150, "must be at most 150 characters"),
  body: z.string().trim().min(10, "must be at least 10 characters").max(5000, "must be at most 5000 characters"),
});

export const messageAttendeesInput = attendeeMessageBody.extend({ eventId: z.string() });
export const countMessageRecipientsInput = z.object({ eventId: z.string(), ticketTypeId: z.uuid().nullable().default(null) });

export type AttendeeMessageView = Omit<AttendeeMessageRow, "senderId">;

/** Confirmed orders that hold a ticket of the audience: what a preview tells the organizer before sending. */
async function countOrders(ctx: Ctx, eventId: string, ticketTypeId: string | null): Promise<number> {
  const [row] = await ctx.db
    .select({ n: sql<number>`count(distinct ${bookings.id})::int` })
    .from(bookings)
    .innerJoin(bookingItems, eq(bookingItems.bookingId, bookings.id))
    .where(and(eq(bookings.eventId, eventId), eq(bookings.status, "confirmed"), ticketTypeId ? eq(bookingItems.ticketTypeId, ticketTypeId) : undefined));
  return row?.n ?? 0;
}

async function checkAudience(ctx: Ctx, eventId: string, ticketTypeId: string | null) {
  if (!ticketTypeId) return;
  const [type] = await ctx.db.select({ id: ticketTypes.id }).from(ticketTypes).where(and(eq(ticketTypes.id, ticketTypeId), eq(ticketTypes.eventId, eventId)));
  if (!type) throw new Validation("VALIDATION_FAILED", "That ticket type is not this event's.", [{ path: "ticketTypeId", message: "is not a ticket type of this event" }]);
}

/** How many orders a message to this audience would reach (each buyer, plus any transferred ticket's holder). */
export async function countMessageRecipients({ ctx, input }: { ctx: Ctx; input: z.input<typeof countMessageRecipientsInput> }): Promise<number> {
  const i = countMessageRecipientsInput.parse(input);
  const inv = await loadEventToManage(ctx.db, ctx.actor, i.eventId);
  authorize(ctx.actor, "attendees:message", eventResource(inv));
  await checkAudience(ctx, inv.eventId, i.ticketTypeId);
  return countOrders(ctx, inv.eventId, i.ticketTypeId);
}

/**
 * Records an organizer's message to the event's ticket holders (all, or one ticket type's) and
 * hands it to the job that mails it batch by batch (`attendees.message_sent`), in one commit.
 */
export async function messageAttendees({ ctx, input }: { ctx: Ctx; input: z.input<typeof messageAttendeesInput> }): Promise<AttendeeMessageView> {
  const i = messageAttendeesInput.parse(input);
  const senderId = actorIdOf(ctx.actor);
  if (!senderId) throw new Forbidden();
  return withTransaction(ctx, async (tx) => {
    const inv = await loadEventToManage(tx, ctx.actor, i.eventId);
    authorize(ctx.actor, "attendees:message", eventResource(inv));
    refuseIfCancelled(inv);
    await checkAudience({ ...ctx, db: tx }, inv.eventId, i.ticketTypeId);
    const [row] = await tx
      .insert(attendeeMessages)
      .values({ eventId: inv.eventId, senderId, audience: i.ticketTypeId ? "ticket_type" : "all", ticketTypeId: i.ticketTypeId, subject: i.subject, body: i.body, createdAt: ctx.now() })
      .returning();
    await emit(tx, { name: "attendees.message_sent", data: { messageId: row!.id, eventId: inv.eventId, organizerId: inv.organizerId }, requestId: ctx.requestId });
    ctx.log.info({ eventId: inv.eventId, messageId: row!.id }, "attendees.message_sent");
    const { senderId: _sender, ...view } = row!;
    return view;
  });
}

export const listAttendeeMessagesInput = z.object({ eventId: z.string() });

/** The sent-messages list of an event, newest first, with how many mails each reached. */
export async function listAttendeeMessages({ ctx, input }: { ctx: Ctx; input: z.input<typeof listAttendeeMessagesInput> }): Promise<AttendeeMessageView[]> {
  const inv = await loadEventToManage(ctx.db, ctx.actor, listAttendeeMessagesInput.parse(input).eventId);
  authorize(ctx.actor, "attendees:message", eventResource(inv));
  const rows = await ctx.db.select().from(attendeeMessages).where(eq(attendeeMessages.eventId, inv.eventId)).orderBy(desc(attendeeMessages.createdAt)).limit(100);
  return rows.map(({ senderId: _sender, ...view }) => view);
}

export const recordMessageProgressInput = z.object({ messageId: z.uuid(), sent: z.number().int().nonnegative(), done: z.boolean() });

/** The delivering job counts mails as its batches go out, and marks the message sent at the end. */
export async function recordMessageProgress({ ctx, input }: { ctx: Ctx; input: z.input<typeof recordMessageProgressInput> }): Promise<void> {
  if (ctx.actor.type !== "system") throw new Forbidden();
  const i = recordMessageProgressInput.parse(input);
  await ctx.db
    .update(attendeeMessages)
    .set({ recipients: sql`${attendeeMessages.recipients} + ${i.sent}`, ...(i.done ? { status: "sent" as const, sentAt: ctx.now() } : {}) })
    .where(eq(attendeeMessages.id, i.messageId));
}

export const getAttendeeMessageInput = z.object({ messageId: z.uuid() });

/** For the delivering job: the message as written. */
export async function getAttendeeMessage({ ctx, input }: { ctx: Ctx; input: z.input<typeof getAttendeeMessageInput> }): Promise<AttendeeMessageRow | null> {
  if (ctx.actor.type !== "system") throw new Forbidden();
  const [row] = await ctx.db.select().from(attendeeMessages).where(eq(attendeeMessages.id, getAttendeeMessageInput.parse(input).messageId));
  return row ?? null;
}
