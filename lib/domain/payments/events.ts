import { z } from "zod";

/** The facts the payments domain emits; functions in inngest/functions react to them. */
export const paymentEvents = {
  /**
   * The test provider has a notification to deliver (a real provider would POST it): the job
   * signs it at each attempt and hands it to the same handler its webhook route calls.
   */
  "payment.test_notification_due": z.object({
    body: z.object({
      id: z.string(),
      type: z.enum(["payment.succeeded", "payment.failed"]),
      created: z.number().int(),
      data: z.object({
        orderId: z.uuid(),
        paymentRef: z.string(),
        amountCents: z.number().int().nonnegative(),
        currency: z.string(),
        failureReason: z.string().optional(),
      }),
    }),
  }),
  /** Money must go back (late payment, amount mismatch, cancelled paid order): a job makes the refund until it succeeds. */
  "payment.refund_requested": z.object({
    refundId: z.uuid(),
    orderId: z.uuid(),
    amountCents: z.number().int().positive(),
    currency: z.string(),
    returnsOrder: z.boolean(),
    requestedBy: z.enum(["holder", "organizer", "admin", "event_cancelled"]).optional(),
  }),
  /**
   * The provider gave money back (a refund Evently made, or one made at the provider directly):
   * the buyer is told how much, to what, and why, and analytics takes it off net revenue on the
   * day it went back when `ofSale` (the payment was the one that confirmed its order).
   */
  "payment.refunded": z.object({
    refundId: z.uuid(),
    orderId: z.uuid(),
    amountCents: z.number().int().positive(),
    currency: z.string(),
    returnsOrder: z.boolean(),
    refundedAt: z.iso.datetime({ offset: true }),
    ofSale: z.boolean(),
  }),
};
