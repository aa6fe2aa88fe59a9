// Checkout: what placing, paying and cancelling an order takes across bookings and payments.
// It sits above the domains, like lib/account and lib/notifications, and reads them only
// through their index.ts; faces and jobs call these functions, never both domains.
export { placeOrder, placeOrderInput, bookSeatsWithCheckout, bookSeatsWithCheckoutInput } from "./place-order";
export { cancelOrder, cancelOrderInput } from "./cancel-order";
export { handlePaymentNotification, handlePaymentNotificationInput, type NotificationOutcome } from "./handle-payment-notification";
export { deliverTestNotification, deliverTestNotificationInput } from "./deliver-test-notification";
export { completeRefund, completeRefundInput } from "./complete-refund";
export { refundOrder, refundOrderBody, refundOrderInput } from "./refund-order";
export { requestEventRefunds, requestEventRefundsInput } from "./request-event-refunds";
export { getOrderPayments, getOrderPaymentsInput, type OrderPayments } from "./get-order-payments";
export { selfServiceRefundOf, type SelfServiceRefund } from "./self-service-refund";
export { getOrderReceipt, getOrderReceiptInput, type OrderReceipt } from "./get-order-receipt";
export { payTestOrder, payTestOrderInput, type TestPayment } from "./pay-test-order";
export { getTestCheckout, getTestCheckoutInput, type TestCheckout } from "./get-test-checkout";
export { getOrderCheckout, getOrderCheckoutInput, type OrderCheckout } from "./get-order-checkout";
export { findPaymentMismatches, findPaymentMismatchesInput } from "./find-payment-mismatches";
