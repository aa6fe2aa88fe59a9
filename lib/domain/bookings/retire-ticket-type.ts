import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import type { TicketTypeView } from "./ticket-type-view";
import { updateTicketType } from "./update-ticket-type";

export const retireTicketTypeInput = z.object({ eventId: z.string(), ticketTypeId: z.string(), retired: z.boolean().default(true) });

/**
 * Stops a type's sales (or resumes them with `retired: false`). Unlike deleting, it works
 * once the type has sold: its orders and tickets keep naming it.
 */
export async function retireTicketType({ ctx, input }: { ctx: Ctx; input: z.input<typeof retireTicketTypeInput> }): Promise<TicketTypeView> {
  const { eventId, ticketTypeId, retired } = retireTicketTypeInput.parse(input);
  return updateTicketType({ ctx, input: { eventId, ticketTypeId, retired } });
}
