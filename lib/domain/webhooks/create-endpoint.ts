import { randomBytes } from "node:crypto";
import { z } from "zod";
import { authorize } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { Validation } from "@/lib/domain/errors";
import { checkUrl, UnsafeUrl } from "@/lib/net/ssrf-guard";
import { ownershipOf } from "./endpoint-access";
import { toEndpointView, type EndpointView } from "./endpoint-view";
import { WEBHOOK_EVENT_TYPES } from "./event-types";
import { endpoints } from "./schema";

export const createEndpointInput = z.object({
  url: z.string().trim().min(1).max(2048),
  events: z
    .array(z.enum(WEBHOOK_EVENT_TYPES))
    .min(1, "Choose at least one event")
    .transform((types) => [...new Set(types)]),
});

/** 24 random bytes in the Standard Webhooks secret form, which receivers' libraries take as is. */
function newSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

/**
 * Registers a webhook endpoint for the caller (organizers and admins). The URL is checked by the
 * SSRF guard now, for a quick answer, and again before every delivery. The secret is returned
 * here only: lists never show it.
 */
export async function createEndpoint({ ctx, input }: { ctx: Ctx; input: z.input<typeof createEndpointInput> }): Promise<EndpointView & { secret: string }> {
  authorize(ctx.actor, "webhook:create");
  const i = createEndpointInput.parse(input);
  try {
    await checkUrl(i.url);
  } catch (error) {
    if (!(error instanceof UnsafeUrl)) throw error;
    const message = `The address ${error.reason}.`;
    throw new Validation("WEBHOOK_URL_REFUSED", message, [{ path: "url", message }]);
  }
  const [row] = await ctx.db
    .insert(endpoints)
    .values({ ...ownershipOf(ctx.actor), url: i.url, eventTypes: i.events, secret: newSecret(), createdAt: ctx.now() })
    .returning();
  ctx.log.info({ endpointId: row!.id }, "webhook.endpoint_created");
  return { ...toEndpointView(row!), secret: row!.secret };
}
