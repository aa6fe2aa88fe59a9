import type { payments, refunds } from "./schema";

type PaymentRow = typeof payments.$inferSelect;
type RefundRow = typeof refunds.$inferSelect;

export type PaymentView = {
  id: string;
  orderId: string;
  provider: string;
  providerRef: string;
  amountCents: number;
  currency: string;
  status: PaymentRow["status"];
  failureReason: string | null;
  createdAt: string;
  succeededAt: string | null;
};

export type RefundView = {
  id: string;
  paymentId: string;
  orderId: string;
  provider: string;
  amountCents: number;
  currency: string;
  reason: string;
  /** The refund undoes the order (its tickets stop being valid); false: money back, tickets stand. */
  returnsOrder: boolean;
  providerRef: string | null;
  status: RefundRow["status"];
  createdAt: string;
  succeededAt: string | null;
};

export function toPaymentView(row: PaymentRow): PaymentView {
  return {
    id: row.id,
    orderId: row.orderId,
    provider: row.provider,
    providerRef: row.providerRef,
    amountCents: row.amountCents,
    currency: row.currency,
    status: row.status,
    failureReason: row.failureReason,
    createdAt: row.createdAt.toISOString(),
    succeededAt: row.succeededAt?.toISOString() ?? null,
  };
}

export function toRefundView(row: RefundRow): RefundView {
  return {
    id: row.id,
    paymentId: row.paymentId,
    orderId: row.orderId,
    provider: row.provider,
    amountCents: row.amountCents,
    currency: row.currency,
    reason: row.reason,
    returnsOrder: row.returnsOrder,
    providerRef: row.providerRef,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    succeededAt: row.succeededAt?.toISOString() ?? null,
  };
}
