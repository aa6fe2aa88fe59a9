// Bookings: seats, tickets, waitlist. Other domains and the faces import only this file.
export { upsertEventInventory, upsertEventInventoryInput } from "./upsert-event-inventory";
export { getSeatsAvailable, getSeatsAvailableInput } from "./get-seats-available";
export { getTicketTypeAvailability, getTicketTypeAvailabilityInput } from "./get-ticket-type-availability";
export { bookingTotals, bookingTotalsInput, type BookingTotals } from "./booking-totals";
export { listOrderEvents, listOrderEventsInput, type OrderEvent } from "./list-order-events";
export { dailyBookingTotals, dailyBookingTotalsInput, type DailyBookingTotals } from "./daily-booking-totals";
export { bookingEvents } from "./events";

export { placeOrder, placeOrderInput } from "./place-order";
export { getOrder, getOrderInput } from "./get-order";
export { listMyOrders, listMyOrdersInput } from "./list-my-orders";
export { cancelOrder, cancelOrderInput, type RefundDue } from "./cancel-order";
export { attachCheckout, attachCheckoutInput } from "./attach-checkout";
export { applyPromoCode, applyPromoCodeInput } from "./apply-promo-code";
export { confirmOrderPayment, confirmOrderPaymentInput, type PaymentOutcome, type RefundDueReason } from "./confirm-order-payment";
export { recordPaymentFailure, recordPaymentFailureInput } from "./record-payment-failure";
export { markOrderRefunded, markOrderRefundedInput } from "./mark-order-refunded";
export { getOrderToManage, getOrderToManageInput } from "./get-order-to-manage";
export { listEventOrders, listEventOrdersInput } from "./list-event-orders";
export { listRefundableEventOrders, listRefundableEventOrdersInput } from "./list-refundable-event-orders";
export { expireOrders, expireOrdersInput } from "./expire-orders";
export { bookingViewOf, type OrderView, type OrderLineView, type TicketView } from "./order-view";
export { getOrdersByIds, getOrdersByIdsInput } from "./get-orders-by-ids";
export { checkPromoCode, checkPromoCodeInput, type PromoCodeCheck } from "./check-promo-code";

export { bookSeats, bookSeatsInput } from "./book-seats";
export { getBooking, getBookingInput } from "./get-booking";
export { listMyBookings, listMyBookingsInput } from "./list-my-bookings";
export { cancelBooking, cancelBookingInput } from "./cancel-booking";
export { getBookingAudit, getBookingAuditInput, type AuditView } from "./get-booking-audit";
export type { BookingView } from "./booking-view";

export { joinWaitlist, joinWaitlistInput } from "./join-waitlist";
export { leaveWaitlist, leaveWaitlistInput } from "./leave-waitlist";
export { changeWaitlistPriority, changeWaitlistPriorityInput } from "./change-waitlist-priority";
export { listMyWaitlist, listMyWaitlistInput } from "./list-my-waitlist";
export { listEventWaitlist, listEventWaitlistInput } from "./list-event-waitlist";
export type { WaitlistEntryView } from "./waitlist-view";

export { promoteWaitlist, promoteWaitlistInput } from "./promote-waitlist";
export { cancelEventBookings, cancelEventBookingsInput } from "./cancel-event-bookings";
export { closeEventWaitlist, closeEventWaitlistInput } from "./close-event-waitlist";
export { purgeAuditLog, purgeAuditLogInput } from "./purge-audit-log";
export { purgeIdempotencyKeys, purgeIdempotencyKeysInput } from "./purge-idempotency-keys";
export { getBookingsByIds, getBookingsByIdsInput } from "./get-bookings-by-ids";
export { getWaitlistEntriesByIds, getWaitlistEntriesByIdsInput } from "./get-waitlist-entries-by-ids";
export { listEventHolders, listEventHoldersInput } from "./list-event-holders";
export { renameTicket, renameTicketInput } from "./rename-ticket";
export { listOrdersToNotify, listOrdersToNotifyInput, type OrderToNotify } from "./list-orders-to-notify";
export { transferTicket, transferTicketInput } from "./transfer-ticket";
export {
  messageAttendees,
  messageAttendeesInput,
  attendeeMessageBody,
  countMessageRecipients,
  countMessageRecipientsInput,
  listAttendeeMessages,
  listAttendeeMessagesInput,
  recordMessageProgress,
  recordMessageProgressInput,
  getAttendeeMessage,
  getAttendeeMessageInput,
  type AttendeeMessageView,
} from "./message-attendees";
export { enforceBookingRateLimit, type BookingRateLimitedAction } from "./rate-limits";
export { getBookingOptions, getBookingOptionsInput, MAX_SEATS_PER_REQUEST, type BookingOptions, type TicketTypeOption } from "./get-booking-options";
export { listEventBookings, listEventBookingsInput } from "./list-event-bookings";
export { listEventAudit, listEventAuditInput } from "./list-event-audit";

export { ticketTypeFields, newTicketTypeFields, type NewTicketType } from "./ticket-type-fields";
export { lapsedEventSeats, lapsedTypeSeats, eventSeatsAvailable, ticketTypeSeatsAvailable } from "./ticket-type-availability";
export type { TicketTypeView } from "./ticket-type-view";
export { checkEventManager, checkEventManagerInput } from "./event-to-manage";
export { createTicketType, createTicketTypeBody, createTicketTypeInput } from "./create-ticket-type";
export { updateTicketType, updateTicketTypeBody, updateTicketTypeInput } from "./update-ticket-type";
export { reorderTicketTypes, reorderTicketTypesBody, reorderTicketTypesInput } from "./reorder-ticket-types";
export { retireTicketType, retireTicketTypeInput } from "./retire-ticket-type";
export { deleteTicketType, deleteTicketTypeInput } from "./delete-ticket-type";
export { listTicketTypes, listTicketTypesInput } from "./list-ticket-types";
export { getTicketTypesByEvent, getTicketTypesByEventInput } from "./get-ticket-types-by-event";
export type { PromoCodeView } from "./promo-code-view";
export { createPromoCode, createPromoCodeBody, createPromoCodeInput } from "./create-promo-code";
export { listPromoCodes, listPromoCodesInput } from "./list-promo-codes";

export { checkInTicket, checkInTicketBody, checkInTicketInput, type CheckInView } from "./check-in-ticket";
export { undoCheckIn, undoCheckInInput } from "./undo-check-in";
export { checkInStats, checkInStatsInput, type CheckInStats, type CheckInTypeStats } from "./check-in-stats";
export { checkInArrivals, checkInArrivalsInput, type ArrivalSlot } from "./check-in-arrivals";
export { listTicketCheckIns, listTicketCheckInsInput } from "./list-ticket-check-ins";
export { checkDoorAccess, checkDoorAccessInput } from "./check-door-access";
export { listPaidOrders, listPaidOrdersInput, type PaidOrderState } from "./list-paid-orders";
