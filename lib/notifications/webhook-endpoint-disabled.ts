import type { z } from "zod";
import { getUsersByIds } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { listOwnerIds } from "@/lib/domain/organizations";
import type { webhookEvents } from "@/lib/domain/webhooks";
import { sendEmail, type SendEmailResult } from "@/lib/mail/send-email";
import { webhooksLink } from "./links";

type EndpointDisabled = z.infer<(typeof webhookEvents)["webhook.endpoint_disabled"]>;

/**
 * Tells whoever answers for an endpoint that it was switched off: its organization's owners
 * (the creator may have left, or be a manager nobody else hears from), or its creator when it
 * belongs to no organization or the organization has no owner left. One message per person and
 * fact, so a retried run sends nobody a second one.
 */
export async function sendWebhookDisabledEmail({ ctx, input }: { ctx: Ctx; input: EndpointDisabled & { factId: string } }): Promise<SendEmailResult[]> {
  const owners = input.organizationId ? await listOwnerIds({ ctx, input: { organizationId: input.organizationId } }) : [];
  const recipients = await getUsersByIds({ ctx, input: { ids: owners.length > 0 ? owners : [input.ownerId] } });
  const sent: SendEmailResult[] = [];
  for (const person of recipients) {
    sent.push(
      await sendEmail(ctx.db, {
        dedupeKey: `webhook-endpoint-disabled:${input.factId}:${person.id}`,
        to: person.email,
        message: {
          template: "webhook-endpoint-disabled",
          props: { recipientName: person.name, url: input.url, failingSince: input.failingSince, webhooksUrl: webhooksLink() },
        },
      }),
    );
  }
  return sent;
}
