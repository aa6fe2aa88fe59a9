import type { z } from "zod";
import { getUsersByIds } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import type { webhookEvents } from "@/lib/domain/webhooks";
import { sendEmail, type SendEmailResult } from "@/lib/mail/send-email";
import { webhooksLink } from "./links";

type EndpointDisabled = z.infer<(typeof webhookEvents)["webhook.endpoint_disabled"]>;

/** Tells an endpoint's owner it was switched off; one message per fact, none if the owner is gone. */
export async function sendWebhookDisabledEmail({ ctx, input }: { ctx: Ctx; input: EndpointDisabled & { factId: string } }): Promise<SendEmailResult | null> {
  const [owner] = await getUsersByIds({ ctx, input: { ids: [input.ownerId] } });
  if (!owner) return null;
  return sendEmail(ctx.db, {
    dedupeKey: `webhook-endpoint-disabled:${input.factId}`,
    to: owner.email,
    message: {
      template: "webhook-endpoint-disabled",
      props: { recipientName: owner.name, url: input.url, failingSince: input.failingSince, webhooksUrl: webhooksLink() },
    },
  });
}
