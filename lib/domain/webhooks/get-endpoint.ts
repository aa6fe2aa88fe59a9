import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { loadEndpointToManage } from "./endpoint-access";
import { toEndpointView, type EndpointView } from "./endpoint-view";

export const getEndpointInput = z.object({ id: z.string() });

/** An endpoint the caller manages, without its secret; 404 for any other. */
export async function getEndpoint({ ctx, input }: { ctx: Ctx; input: z.input<typeof getEndpointInput> }): Promise<EndpointView> {
  const { id } = getEndpointInput.parse(input);
  return toEndpointView(await loadEndpointToManage(ctx.db, ctx.actor, id));
}
