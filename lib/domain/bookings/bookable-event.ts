import { can } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { Conflict, NotFound } from "@/lib/domain/errors";
import type { EventInventory } from "./schema";
import { eventResource } from "./event-resource";

/**
 * Why the actor cannot book this existing event at all, or null when they may try. A draft exists only
 * for its organizer and admins: anyone else is told it is unknown (404), as API.md says for
 * reading it, so booking or queueing cannot reveal that it exists.
 */
export function whyNotBookable(ctx: Ctx, inv: Pick<EventInventory, "organizerId" | "organizationId" | "status" | "endsAt">): NotFound | Conflict | null {
  if (inv.status === "draft" && !can(ctx.actor, "event:manage", eventResource(inv))) return new NotFound();
  if (inv.status !== "published" || inv.endsAt <= ctx.now()) {
    return new Conflict("EVENT_NOT_BOOKABLE", "This event is not open for booking.");
  }
  return null;
}
