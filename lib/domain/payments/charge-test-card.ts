import { randomUUID } from "node:crypto";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { emit } from "@/lib/jobs/emit";
import { requireSystem } from "./require-system";
import { payments } from "./schema";
import { DECLINED_REASON } from "./test-cards";
import type { TestNotificationBody } from "./test-provider";

export const chargeTestCardInput = z.object({
  orderId: z.uuid(),
  amountCents: z.number().int().positive(),
  currency: z.string().length(3),
  outcome: z.enum(["succeeded", "declined"]),
});

export type TestCharge = { paymentId: string; paymentRef: string; outcome: "succeeded" | "declined"; failureReason: string | null };

/**
 * The test provider's side of a card payment: records the attempt (pending, as a real provider's
 * payment is until its notification arrives) and, in the same commit, the notification it will
 * send. A job delivers that notification, signed, to the handler the webhook route calls, so the
 * result reaches the order exactly the way a real provider's would.
 */
export async function chargeTestCard({ ctx, input }: { ctx: Ctx; input: z.input<typeof chargeTestCardInput> }): Promise<TestCharge> {
  requireSystem(ctx);
  const { orderId, amountCents, currency, outcome } = chargeTestCardInput.parse(input);
  const paymentRef = `test_pi_${randomUUID().replaceAll("-", "")}`;
  const failureReason = outcome === "declined" ? DECLINED_REASON : null;
  const paymentId = await withTransaction(ctx, async (tx) => {
    const [row] = await tx.insert(payments).values({ orderId, provider: "test", providerRef: paymentRef, amountCents, currency }).returning({ id: payments.id });
    const body: TestNotificationBody = {
      id: `evt_test_${randomUUID().replaceAll("-", "")}`,
      type: outcome === "succeeded" ? "payment.succeeded" : "payment.failed",
      created: Math.floor(ctx.now().getTime() / 1000),
      data: { orderId, paymentRef, amountCents, currency, ...(failureReason ? { failureReason } : {}) },
    };
    await emit(tx, { name: "payment.test_notification_due", data: { body }, requestId: ctx.requestId });
    return row!.id;
  });
  ctx.log.info({ orderId, paymentId, outcome }, "payment.test_charge");
  return { paymentId, paymentRef, outcome, failureReason };
}
