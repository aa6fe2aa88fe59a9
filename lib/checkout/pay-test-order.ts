import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { getOrder, type OrderView } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { Conflict, Forbidden, NotFound } from "@/lib/domain/errors";
import { chargeTestCard, currentPaymentProvider, testCardInput, testCardOutcome } from "@/lib/domain/payments";
import { asSystem } from "./system-ctx";

/** How long the pay page and the dev route wait for the notification to reach the order before answering. */
const SETTLE_WAIT_MS = 5_000;

const settleWithinMs = z.number().int().min(0).max(SETTLE_WAIT_MS).default(SETTLE_WAIT_MS);
export const payTestOrderInput = z.union([
  z.object({ orderId: z.string(), outcome: z.enum(["succeeded", "declined"]), settleWithinMs }),
  z.object({ orderId: z.string(), card: testCardInput, settleWithinMs }),
]);

export type TestPayment = { outcome: "succeeded" | "declined"; failureReason: string | null; order: OrderView };

/**
 * Pays an order with the test provider, for its buyer or an admin: with a test card from the pay
 * page, or with a chosen outcome from scripts. The charge is recorded and its notification
 * delivered by a job, as a real provider's would be; then this waits briefly for the order to
 * leave `awaiting_payment`, so the buyer lands on a confirmed order in the usual case. Not
 * found unless the test provider is the one configured.
 */
export async function payTestOrder({ ctx, input }: { ctx: Ctx; input: z.input<typeof payTestOrderInput> }): Promise<TestPayment> {
  const parsed = payTestOrderInput.parse(input);
  if (currentPaymentProvider().name !== "test") throw new NotFound();
  const order = await getOrder({ ctx, input: { orderId: parsed.orderId } });
  const isBuyer = ctx.actor.type === "user" && ctx.actor.userId === order.userId;
  const isAdmin = ctx.actor.type === "user" && ctx.actor.role === "admin";
  if (!isBuyer && !isAdmin) throw new Forbidden("FORBIDDEN", "Only the buyer can pay for this order.");
  assertPayable(order);
  const outcome = "outcome" in parsed ? parsed.outcome : testCardOutcome(parsed.card.cardNumber);
  const charge = await chargeTestCard({ ctx: asSystem(ctx), input: { orderId: order.id, amountCents: order.totalCents, currency: order.currency, outcome } });
  if (outcome === "declined") return { outcome, failureReason: charge.failureReason, order };
  return { outcome, failureReason: null, order: await untilSettled(ctx, order, parsed.settleWithinMs) };
}

function assertPayable(order: OrderView): void {
  if (order.payment?.provider !== "test") throw new Conflict("INVALID_STATE", "This order is not paid with the test provider.");
  if (order.status === "awaiting_payment" && order.payment.status !== "succeeded") return;
  const why: Record<string, string> = {
    awaiting_payment: "This order's payment is already being processed.",
    confirmed: "This order is already paid.",
    expired: "This order's hold has ended: its seats are no longer reserved.",
    cancelled: "This order was cancelled.",
    refunded: "This order was refunded.",
  };
  throw new Conflict("INVALID_STATE", why[order.status] ?? "This order cannot be paid.");
}

async function untilSettled(ctx: Ctx, order: OrderView, waitMs: number): Promise<OrderView> {
  const deadline = Date.now() + waitMs;
  let current = order;
  while (current.status === "awaiting_payment" && Date.now() < deadline) {
    await sleep(150);
    current = await getOrder({ ctx, input: { orderId: order.id } });
  }
  return current;
}
