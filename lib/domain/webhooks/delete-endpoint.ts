import { eq } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { loadEndpointToManage } from "./endpoint-access";
import { endpoints } from "./schema";

export const deleteEndpointInput = z.object({ id: z.string() });

/** Removes an endpoint the caller manages, with its delivery log; a delivery run still queued for it finds nothing to send. */
export async function deleteEndpoint({ ctx, input }: { ctx: Ctx; input: z.input<typeof deleteEndpointInput> }): Promise<void> {
  const { id } = deleteEndpointInput.parse(input);
  await withTransaction(ctx, async (tx) => {
    const endpoint = await loadEndpointToManage(tx, ctx.actor, id);
    await tx.delete(endpoints).where(eq(endpoints.id, endpoint.id));
  });
  ctx.log.info({ endpointId: id }, "webhook.endpoint_deleted");
}
