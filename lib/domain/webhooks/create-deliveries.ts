import { sql } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { emit } from "@/lib/jobs/emit";
import { subscribedTo } from "./endpoint-access";
import { deliveries, endpoints } from "./schema";

export const createDeliveriesInput = z.object({
  /** The fact's id, which becomes the `webhook-id` of every delivery of it. */
  messageId: z.string().min(1).max(255),
  type: z.string().min(1),
  /** When the fact happened: the body's `timestamp`. */
  timestamp: z.iso.datetime({ offset: true }),
  /** The organization of the event the fact is about (null: outside any): its endpoints hear of it. */
  organizationId: z.uuid().nullable(),
  /** The event's organizer: an event outside any organization is heard by the endpoints they created outside any. */
  organizerId: z.uuid(),
  data: z.record(z.string(), z.unknown()),
});

/**
 * Creates one delivery per subscribed endpoint for a fact, in one statement, and queues each.
 * The (endpoint, fact) key makes a second run of the same fan-out create and queue nothing.
 */
export async function createDeliveries({ ctx, input }: { ctx: Ctx; input: z.input<typeof createDeliveriesInput> }): Promise<{ created: number }> {
  const i = createDeliveriesInput.parse(input);
  const payload = { type: i.type, timestamp: i.timestamp, data: i.data };
  return withTransaction(ctx, async (tx) => {
    const now = ctx.now();
    const created = await tx
      .insert(deliveries)
      .select(
        tx
          .select({
            id: sql<string>`gen_random_uuid()`.as("id"),
            endpointId: sql<string>`${endpoints.id}`.as("endpoint_id"),
            messageId: sql<string>`${i.messageId}`.as("message_id"),
            eventType: sql<string>`${i.type}`.as("event_type"),
            payload: sql`${JSON.stringify(payload)}::jsonb`.as("payload"),
            status: sql`'pending'::webhooks.delivery_status`.as("status"),
            attempts: sql<number>`0`.as("attempts"),
            responseStatus: sql`null::integer`.as("response_status"),
            lastError: sql`null::text`.as("last_error"),
            lastAttemptAt: sql`null::timestamptz`.as("last_attempt_at"),
            lastDurationMs: sql`null::integer`.as("last_duration_ms"),
            nextAttemptAt: sql`${now.toISOString()}::timestamptz`.as("next_attempt_at"),
            createdAt: sql`${now.toISOString()}::timestamptz`.as("created_at"),
          })
          .from(endpoints)
          .where(subscribedTo(i.type, i)),
      )
      .onConflictDoNothing()
      .returning({ id: deliveries.id, endpointId: deliveries.endpointId });
    for (const d of created) {
      await emit(tx, { name: "webhook.delivery_requested", data: { deliveryId: d.id, endpointId: d.endpointId }, requestId: ctx.requestId });
    }
    return { created: created.length };
  });
}
