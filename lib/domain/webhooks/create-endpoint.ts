import { randomBytes } from "node:crypto";
import { z } from "zod";
import { authorize } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { Validation } from "@/lib/domain/errors";
import { checkUrl, UnsafeUrl } from "@/lib/net/ssrf-guard";
import { placementOf } from "./endpoint-access";
import { toEndpointView, type EndpointView } from "./endpoint-view";
import { WEBHOOK_EVENT_TYPES } from "./event-types";
import { endpoints } from "./schema";

export const createEndpointInput = z.object({
  url: z.string().trim().min(1).max(2048),
  events: z
    .array(z.enum(WEBHOOK_EVENT_TYPES))
    .min(1, "Choose at least one event")
    .transform((types) => [...new Set(types)]),
  organizationId: z.uuid().optional().describe("The organization it belongs to; omitted: the caller's first where they may manage webhooks"),
});

/** 24 random bytes in the Standard Webhooks secret form, which receivers' libraries take as is. */
function newSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

/**
 * Registers a webhook endpoint in one of the caller's organizations (owners and managers; an
 * admin naming none gets one that hears every event). The URL is checked by the
 * SSRF guard now, for a quick answer, and again before every delivery. The secret is returned
 * here only: lists never show it.
 */
export async function createEndpoint({ ctx, input }: { ctx: Ctx; input: z.input<typeof createEndpointInput> }): Promise<EndpointView & { secret: string }> {
  authorize(ctx.actor, "webhook:manage");
  const i = createEndpointInput.parse(input);
  const placement = placementOf(ctx.actor, i.organizationId);
  try {
    await checkUrl(i.url);
  } catch (error) {
    if (!(error instanceof UnsafeUrl)) throw error;
    const message = `The address ${error.reason}.`;
    throw new Validation("WEBHOOK_URL_REFUSED", message, [{ path: "url", message }]);
  }
  const [row] = await ctx.db
    .insert(endpoints)
    .values({ ...placement, url: i.url, eventTypes: i.events, secret: newSecret(), createdAt: ctx.now() })
    .returning();
  ctx.log.info({ endpointId: row!.id, organizationId: row!.organizationId }, "webhook.endpoint_created");
  return { ...toEndpointView(row!), secret: row!.secret };
}
