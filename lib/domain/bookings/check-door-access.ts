import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { loadEventAtDoor } from "./ticket-at-door";

export const checkDoorAccessInput = z.object({ eventId: z.string(), action: z.enum(["checkin:scan", "checkin:undo"]) });

/** Answers whether the actor may work this event's door (404/403 otherwise), so a face can check before it reads the body. */
export async function checkDoorAccess({ ctx, input }: { ctx: Ctx; input: z.input<typeof checkDoorAccessInput> }): Promise<void> {
  const { eventId, action } = checkDoorAccessInput.parse(input);
  await loadEventAtDoor(ctx.db, ctx.actor, eventId, action);
}
