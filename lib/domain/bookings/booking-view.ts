import { inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { bookingItems, type BookingRow, type BookingSource, type BookingStatus, type CancelledBy } from "./schema";

/** A booking as API.md shows it (plus source/cancelledBy, which the faces use). */
export type BookingView = {
  id: string;
  eventId: string;
  userId: string;
  quantity: number;
  status: BookingStatus;
  totalCents: number;
  currency: string;
  items: { id: string; ticketCode: string }[];
  createdAt: string;
  cancelledAt: string | null;
  source: BookingSource;
  cancelledBy: CancelledBy | null;
  /** Until when an unpaid booking holds (or held) its seats; null when it never needed paying. */
  expiresAt: string | null;
};

export function toBookingView(row: BookingRow, items: { id: string; ticketCode: string }[]): BookingView {
  return {
    id: row.id,
    eventId: row.eventId,
    userId: row.userId,
    quantity: row.quantity,
    status: row.status,
    totalCents: row.totalCents,
    currency: row.currency,
    items,
    createdAt: row.createdAt.toISOString(),
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    source: row.source,
    cancelledBy: row.cancelledBy,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

/** Adds the tickets to booking rows in one query, keeping the rows' order. */
export async function withItems(db: DbOrTx, rows: BookingRow[]): Promise<BookingView[]> {
  if (rows.length === 0) return [];
  const items = await db
    .select({ id: bookingItems.id, bookingId: bookingItems.bookingId, ticketCode: bookingItems.ticketCode })
    .from(bookingItems)
    .where(inArray(bookingItems.bookingId, rows.map((r) => r.id)))
    .orderBy(sql`${bookingItems.ticketCode} collate "C"`);
  const byBooking = new Map<string, { id: string; ticketCode: string }[]>();
  for (const { bookingId, ...item } of items) byBooking.set(bookingId, [...(byBooking.get(bookingId) ?? []), item]);
  return rows.map((row) => toBookingView(row, byBooking.get(row.id) ?? []));
}
