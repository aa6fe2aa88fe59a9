// Payments: attempts, provider notifications and refunds, behind one provider interface.
// lib/checkout and the jobs import only this file; the faces go through lib/checkout.
export type { PaymentProvider, PaymentEvent, CheckoutRequest, RefundRequest } from "./payment-provider";
export { paymentEvents } from "./events";
export { checkoutPlan, checkoutPlanInput, type CheckoutPlan } from "./checkout-plan";
export { beginCheckout, beginCheckoutInput } from "./begin-checkout";
export { chargeTestCard, chargeTestCardInput, type TestCharge } from "./charge-test-card";
export { receiveNotification, receiveNotificationInput } from "./receive-notification";
export { recordPaymentOutcome, recordPaymentOutcomeInput } from "./record-payment-outcome";
export { requestRefund, requestRefundInput, refundRequester } from "./request-refund";
export { executeRefund, executeRefundInput } from "./execute-refund";
export { recordOrderConfirmed, recordOrderConfirmedInput } from "./record-order-confirmed";
export { listSaleRefunds, listSaleRefundsInput, type SaleRefund } from "./list-sale-refunds";
export { recordProviderRefund, recordProviderRefundInput, type ProviderRefundRecord } from "./record-provider-refund";
export { listOrderPayments, listOrderPaymentsInput } from "./list-order-payments";
export { listOrderRefunds, listOrderRefundsInput } from "./list-order-refunds";
export { getRefund, getRefundInput } from "./get-refund";
export { listPaymentActivity, listPaymentActivityInput, type PaymentActivity } from "./list-payment-activity";
export type { PaymentView, RefundView } from "./payment-view";
export { signTestNotification, testNotificationBody, TEST_SIGNATURE_HEADER, type TestNotificationBody } from "./test-provider";
export { testCardInput, testCardOutcome, DECLINED_REASON, type TestCardOutcome } from "./test-cards";
export { currentPaymentProvider } from "./payment-providers";
export { listPaymentsToReconcile, listPaymentsToReconcileInput, type PaymentState } from "./list-payments-to-reconcile";
export { paymentReconciliation, recordPaymentReconciliation, type PaymentReconciliation, type PaymentReconciliationReport } from "./payment-reconciliation";
export { paymentMismatchKinds, type PaymentMismatch, type PaymentMismatchKind } from "./schema";
