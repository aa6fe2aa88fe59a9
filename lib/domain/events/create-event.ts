import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import { authorize, can } from "@/lib/domain/auth";
import type { Ctx, UserActor } from "@/lib/domain/context";
import { Validation } from "@/lib/domain/errors";
import { DEFAULT_CURRENCY } from "@/lib/format/currency";
import { DEFAULT_TIME_ZONE } from "@/lib/format/time-zone";
import { emit } from "@/lib/jobs/emit";
import { newTicketTypeFields } from "@/lib/domain/bookings";
import { DEFAULT_HOLD_MINUTES, DEFAULT_PER_USER_LIMIT, endsAfterStarts, endsAfterStartsCheck, eventFields } from "./event-fields";
import { eventColumns, toSnapshot, type Event } from "./event-record";
import { withSalesOne } from "./event-sales";
import { events } from "./schema";
import { syncInventory } from "./sync-inventory";

export const createEventFields = z.object({
  title: eventFields.title,
  description: eventFields.description.default(""),
  venue: eventFields.venue,
  category: eventFields.category.default("other"),
  startsAt: eventFields.startsAt,
  endsAt: eventFields.endsAt,
  timezone: eventFields.timezone.default(DEFAULT_TIME_ZONE),
  capacity: eventFields.capacity,
  priceCents: eventFields.priceCents.default(0),
  currency: eventFields.currency.default(DEFAULT_CURRENCY),
  perUserLimit: eventFields.perUserLimit.default(DEFAULT_PER_USER_LIMIT),
  holdMinutes: eventFields.holdMinutes.default(DEFAULT_HOLD_MINUTES),
  refundHoursBeforeStart: eventFields.refundHoursBeforeStart.nullable().default(null),
  ticketTypes: z
    .array(newTicketTypeFields)
    .min(1, "must list at least one ticket type")
    .max(20, "must list at most 20 ticket types")
    .optional()
    .describe("What the event sells, in page order; omitted: one General admission type from capacity and priceCents"),
  onlineUrl: eventFields.onlineUrl.nullable().default(null),
  organizationId: z
    .uuid()
    .optional()
    .describe("The organization the event belongs to; omitted: the caller's own (the first they may create events in)"),
  nameChangeDeadline: eventFields.nameChangeDeadline.nullable().default(null),
  transfersAllowed: eventFields.transfersAllowed.default(false),
});

/** What the public API accepts: the owner is always the caller. */
export const createEventBody = createEventFields.refine(endsAfterStarts, endsAfterStartsCheck);

/** Admins and jobs (the demo seed) may create an event on an organizer's behalf. */
export const createEventInput = createEventFields
  .extend({ organizerId: z.uuid().optional() })
  .refine(endsAfterStarts, endsAfterStartsCheck);

/**
 * The organization a new event goes into: the one asked for, where the caller's role lets them
 * create events, or else the first that does. Null only for callers outside any (jobs, seeds,
 * admins acting for an organizer), whose event is managed by its organizer.
 */
function organizationOf(ctx: Ctx, requested: string | undefined): string | null {
  if (requested) {
    authorize(ctx.actor, "event:create", { organizationId: requested });
    return requested;
  }
  return ctx.actor.type === "user" ? homeOrganization(ctx.actor) : null;
}

/** The first organization where the member's role creates events: where their new events go unless they name one. */
export function homeOrganization(actor: UserActor): string | null {
  return actor.memberships?.find((m) => can(actor, "event:create", { organizationId: m.organizationId }))?.organizationId ?? null;
}

/** A new event starts as a draft at version 1, with its seat inventory in the same commit. */
export async function createEvent({ ctx, input }: { ctx: Ctx; input: z.input<typeof createEventInput> }): Promise<Event> {
  authorize(ctx.actor, "event:create");
  const { organizerId: requestedOwner, organizationId: requestedOrganization, startsAt, endsAt, ticketTypes, nameChangeDeadline, ...fields } = createEventInput.parse(input);
  const organizerId = requestedOwner ?? (ctx.actor.type === "user" ? ctx.actor.userId : undefined);
  if (!organizerId) {
    throw new Validation("VALIDATION_FAILED", "Name the organizer who owns this event.", [{ path: "organizerId", message: "is required" }]);
  }
  if (organizerId !== (ctx.actor.type === "user" ? ctx.actor.userId : undefined)) authorize(ctx.actor, "event:manage", { organizerId });
  const organizationId = organizationOf(ctx, requestedOrganization);

  const record = await withTransaction(ctx, async (tx) => {
    const now = ctx.now();
    const [row] = await tx
      .insert(events)
      .values({ ...fields, nameChangeDeadline: nameChangeDeadline ? new Date(nameChangeDeadline) : null, startsAt: new Date(startsAt), endsAt: new Date(endsAt), organizerId, organizationId, status: "draft", version: 1, createdAt: now, updatedAt: now })
      .returning(eventColumns);
    await syncInventory(ctx, tx, row!, ticketTypes);
    await emit(tx, { name: "event.created", data: toSnapshot(row!), requestId: ctx.requestId });
    return row!;
  });
  ctx.log.info({ eventId: record.id, organizerId, organizationId }, "event.created");
  return withSalesOne(ctx, record);
}
