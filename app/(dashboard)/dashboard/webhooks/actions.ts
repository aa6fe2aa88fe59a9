"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createEndpoint, deleteEndpoint, redeliver, sendTestMessage, WEBHOOK_EVENT_TYPES } from "@/lib/domain/webhooks";
import { action } from "@/lib/web/action";

/** Each event type is its own checkbox (`type:<name>`), since a form action keeps one value per name. */
const createForm = z.object({ url: z.string().default("") }).catchall(z.string());

export const createWebhookAction = action(createForm, async ({ input, ctx }) => {
  const events = WEBHOOK_EVENT_TYPES.filter((type) => input[`type:${type}`] !== undefined);
  // The organization select is shown only to people who manage webhooks in several; otherwise their one.
  const organizationId = input.organizationId || undefined;
  const created = await createEndpoint({ ctx, input: { url: input.url, events, organizationId } });
  revalidatePath("/dashboard/webhooks");
  return { id: created.id, url: created.url, secret: created.secret };
});

export const deleteWebhookAction = action(z.object({ id: z.string() }), async ({ input, ctx }) => {
  await deleteEndpoint({ ctx, input: { id: input.id } });
  revalidatePath("/dashboard/webhooks");
  redirect("/dashboard/webhooks?deleted=1");
});

export const sendTestWebhookAction = action(z.object({ id: z.string() }), async ({ input, ctx }) => {
  await sendTestMessage({ ctx, input: { endpointId: input.id } });
  revalidatePath(`/dashboard/webhooks/${input.id}`);
  return { message: "Test message queued. It appears in the list below within seconds." };
});

export const redeliverWebhookAction = action(z.object({ id: z.string(), deliveryId: z.string() }), async ({ input, ctx }) => {
  await redeliver({ ctx, input: { endpointId: input.id, deliveryId: input.deliveryId } });
  revalidatePath(`/dashboard/webhooks/${input.id}`);
  return { message: "Queued to send again." };
});
