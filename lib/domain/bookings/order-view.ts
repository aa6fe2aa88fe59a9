import { inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import type { BookingView } from "./booking-view";
import { bookingItems, orderLines, type BookingRow, type BookingSource, type BookingStatus, type CancelledBy, type PaymentStatus } from "./schema";

export type OrderLineView = { ticketTypeId: string; name: string; quantity: number; unitPriceCents: number };
export type TicketView = {
  id: string;
  ticketCode: string;
  ticketTypeId: string;
  checkedInAt: string | null;
  /** Who will use the seat, as the buyer named them. */
  attendeeName: string | null;
  /** Set once transferred: the ticket is that person's now, no longer the buyer's to show. */
  holderEmail: string | null;
};

/** An order as API.md shows it, plus the booking fields the `/bookings` routes and pages still show. */
export type OrderView = {
  id: string;
  eventId: string;
  userId: string;
  status: BookingStatus;
  items: OrderLineView[];
  subtotalCents: number;
  discountCents: number;
  totalCents: number;
  currency: string;
  promoCode: string | null;
  expiresAt: string | null;
  paidAt: string | null;
  tickets: TicketView[];
  payment: { provider: string; status: PaymentStatus; checkoutUrl: string | null } | null;
  createdAt: string;
  quantity: number;
  cancelledAt: string | null;
  source: BookingSource;
  cancelledBy: CancelledBy | null;
};

export function toOrderView(row: BookingRow, items: OrderLineView[], tickets: TicketView[]): OrderView {
  return {
    id: row.id,
    eventId: row.eventId,
    userId: row.userId,
    status: row.status,
    items,
    subtotalCents: row.subtotalCents,
    discountCents: row.discountCents,
    totalCents: row.totalCents,
    currency: row.currency,
    promoCode: row.promoCode,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    paidAt: row.paidAt?.toISOString() ?? null,
    tickets,
    payment: row.paymentProvider && row.paymentStatus ? { provider: row.paymentProvider, status: row.paymentStatus, checkoutUrl: row.checkoutUrl } : null,
    createdAt: row.createdAt.toISOString(),
    quantity: row.quantity,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    source: row.source,
    cancelledBy: row.cancelledBy,
  };
}

/** The same record in the `/bookings` shape: its tickets are the booking's items. */
export function bookingViewOf(order: OrderView): BookingView {
  return {
    id: order.id,
    eventId: order.eventId,
    userId: order.userId,
    quantity: order.quantity,
    status: order.status,
    totalCents: order.totalCents,
    currency: order.currency,
    items: order.tickets.map((t) => ({ id: t.id, ticketCode: t.ticketCode })),
    createdAt: order.createdAt,
    cancelledAt: order.cancelledAt,
    source: order.source,
    cancelledBy: order.cancelledBy,
    expiresAt: order.expiresAt,
  };
}

/** Adds lines and tickets to order rows in two queries, keeping the rows' order. */
export async function withOrderDetails(db: DbOrTx, rows: BookingRow[]): Promise<OrderView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [lines, tickets] = await Promise.all([
    db
      .select({ bookingId: orderLines.bookingId, ticketTypeId: orderLines.ticketTypeId, name: orderLines.name, quantity: orderLines.quantity, unitPriceCents: orderLines.unitPriceCents })
      .from(orderLines)
      .where(inArray(orderLines.bookingId, ids))
      .orderBy(orderLines.id),
    db
      .select({ bookingId: bookingItems.bookingId, id: bookingItems.id, ticketCode: bookingItems.ticketCode, ticketTypeId: bookingItems.ticketTypeId, attendeeName: bookingItems.attendeeName, holderEmail: bookingItems.holderEmail, checkedInAt: bookingItems.checkedInAt })
      .from(bookingItems)
      .where(inArray(bookingItems.bookingId, ids))
      .orderBy(sql`${bookingItems.ticketCode} collate "C"`),
  ]);
  const linesOf = new Map<string, OrderLineView[]>();
  for (const { bookingId, ...line } of lines) linesOf.set(bookingId, [...(linesOf.get(bookingId) ?? []), line]);
  const ticketsOf = new Map<string, TicketView[]>();
  for (const { bookingId, ...t } of tickets) ticketsOf.set(bookingId, [...(ticketsOf.get(bookingId) ?? []), { ...t, checkedInAt: t.checkedInAt?.toISOString() ?? null }]);
  return rows.map((row) => toOrderView(row, linesOf.get(row.id) ?? [], ticketsOf.get(row.id) ?? []));
}
