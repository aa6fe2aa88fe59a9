import { z } from "zod";

/** The facts the webhooks domain emits; lib/webhooks and the job functions act on them. */
export const webhookEvents = {
  /** A delivery is due: its first attempt, or a redelivery someone asked for. */
  "webhook.delivery_requested": z.object({ deliveryId: z.uuid(), endpointId: z.uuid() }),
  /** An endpoint failed for three days and no longer gets deliveries; its organization's owners (or its creator) are emailed. */
  "webhook.endpoint_disabled": z.object({
    endpointId: z.uuid(),
    /** The user who created it. */
    ownerId: z.uuid(),
    /** Its organization; null (or absent, in facts written before endpoints had one) for none. */
    organizationId: z.uuid().nullable().optional(),
    url: z.string(),
    failingSince: z.iso.datetime({ offset: true }),
    disabledAt: z.iso.datetime({ offset: true }),
  }),
};
