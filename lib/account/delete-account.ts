import { z } from "zod";
import { eraseAccount, getCurrentUser } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { Conflict } from "@/lib/domain/errors";
import { countOpenEventsByOrganizer } from "@/lib/domain/events";

export const deleteAccountInput = z.object({
  password: z.string().min(1, "Enter your password.").max(1024),
  client: z.object({ ip: z.string().max(64), userAgent: z.string().max(512) }).optional(),
});

/**
 * Deletes the caller's account (auth erases the person; bookings stay for the organizers'
 * books). An organizer with published events that have not ended is refused (409
 * ORGANIZER_HAS_EVENTS): people hold tickets for them and need someone answerable, so those
 * events are cancelled first (which tells and refunds their attendees). Past and cancelled
 * events stay, under the anonymised owner, as the books of what happened.
 */
export async function deleteAccount({ ctx, input }: { ctx: Ctx; input: z.input<typeof deleteAccountInput> }): Promise<void> {
  const { password, client } = deleteAccountInput.parse(input);
  const { user } = await getCurrentUser({ ctx });
  const open = await countOpenEventsByOrganizer({ ctx, input: { organizerId: user.id } });
  if (open > 0) {
    throw new Conflict(
      "ORGANIZER_HAS_EVENTS",
      `You have ${open} upcoming published ${open === 1 ? "event" : "events"}. Cancel ${open === 1 ? "it" : "them"} first: attendees are told and their bookings cancelled.`,
    );
  }
  await eraseAccount({ ctx, input: { password, client } });
}
