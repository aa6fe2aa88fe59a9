import { and, eq, isNull, lte, sql } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { emit } from "@/lib/jobs/emit";
import { DISABLE_AFTER_FAILING_MS } from "./event-types";
import { deliveries, endpoints, type DeliveryStatus } from "./schema";

export const recordDeliveryAttemptInput = z.object({
  deliveryId: z.uuid(),
  succeeded: z.boolean(),
  responseStatus: z.number().int().nullable(),
  error: z.string().max(500).nullable(),
  durationMs: z.number().int().min(0),
  /** When the next attempt is due; null when none will follow (retries spent). */
  nextAttemptAt: z.date().nullable(),
});

/**
 * Writes down one attempt (status, response, duration, when the next one is due) and keeps the
 * endpoint's failure clock: any success resets it, and an endpoint whose failures have gone on
 * for three days without a success is disabled, once (a conditional UPDATE), with a fact that
 * tells its organization's owners.
 */
export async function recordDeliveryAttempt({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof recordDeliveryAttemptInput>;
}): Promise<{ status: DeliveryStatus; endpointDisabled: boolean } | null> {
  const i = recordDeliveryAttemptInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const now = ctx.now();
    const [delivery] = await tx
      .update(deliveries)
      .set({
        status: i.succeeded ? "succeeded" : i.nextAttemptAt ? "failed" : "dead",
        attempts: sql`${deliveries.attempts} + 1`,
        responseStatus: i.responseStatus,
        lastError: i.error,
        lastAttemptAt: now,
        lastDurationMs: i.durationMs,
        nextAttemptAt: i.succeeded ? null : i.nextAttemptAt,
      })
      .where(eq(deliveries.id, i.deliveryId))
      .returning({ endpointId: deliveries.endpointId, status: deliveries.status });
    if (!delivery) return null;
    if (i.succeeded) {
      await tx.update(endpoints).set({ failingSince: null }).where(eq(endpoints.id, delivery.endpointId));
      return { status: delivery.status, endpointDisabled: false };
    }
    await tx.update(endpoints).set({ failingSince: now }).where(and(eq(endpoints.id, delivery.endpointId), isNull(endpoints.failingSince)));
    const [disabled] = await tx
      .update(endpoints)
      .set({ enabled: false, disabledAt: now })
      .where(
        and(
          eq(endpoints.id, delivery.endpointId),
          eq(endpoints.enabled, true),
          lte(endpoints.failingSince, new Date(now.getTime() - DISABLE_AFTER_FAILING_MS)),
        ),
      )
      .returning();
    if (!disabled) return { status: delivery.status, endpointDisabled: false };
    await tx.update(deliveries).set({ status: "dead", nextAttemptAt: null }).where(eq(deliveries.id, i.deliveryId));
    await emit(tx, {
      name: "webhook.endpoint_disabled",
      data: {
        endpointId: disabled.id,
        ownerId: disabled.ownerId,
        organizationId: disabled.organizationId,
        url: disabled.url,
        failingSince: disabled.failingSince!.toISOString(),
        disabledAt: now.toISOString(),
      },
      requestId: ctx.requestId,
    });
    ctx.log.warn({ endpointId: disabled.id }, "webhook.endpoint_disabled");
    return { status: "dead", endpointDisabled: true };
  });
}
