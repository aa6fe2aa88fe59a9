// Checkout: what placing and cancelling an order takes above the domains; faces call these.
export { placeOrder, placeOrderInput } from "./place-order";
export { cancelOrder, cancelOrderInput } from "./cancel-order";
