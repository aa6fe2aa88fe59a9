import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/app/_components/ui/alert";
import { EmptyState, PageHeader } from "@/app/_components/ui/card";
import { listMyBookings } from "@/lib/domain/bookings";
import { getEventsByIds } from "@/lib/domain/events";
import { currentCtx, requireSession } from "@/lib/web/current-actor";
import { loadFromCursor } from "@/lib/web/list-cursor";
import { BookingCard } from "./booking-card";

export const metadata: Metadata = { title: "My bookings" };

export default async function MyBookingsPage({ searchParams }: { searchParams: Promise<{ cursor?: string | string[] }> }) {
  await requireSession("/bookings");
  const { cursor } = await searchParams;
  const ctx = await currentCtx();
  const {
    page: { data, nextCursor },
    notice,
  } = await loadFromCursor(cursor, (from) => listMyBookings({ ctx, input: { limit: 20, cursor: from } }));
  const events = new Map((await getEventsByIds({ ctx, input: { ids: data.map((b) => b.eventId) } })).map((e) => [e.id, e]));
  return (
    <>
      <PageHeader
        title="My bookings"
        description="Your tickets, newest first. Show a ticket's code or QR code at the entrance."
        actions={
          <Link href="/waitlist" className="text-sm text-brand-700 underline">
            My waitlist
          </Link>
        }
      />
      {notice ? <Alert tone="warning">{notice}</Alert> : null}
      {data.length === 0 ? (
        <EmptyState title="No bookings yet">
          <Link href="/" className="underline">
            Browse events
          </Link>{" "}
          and book a seat.
        </EmptyState>
      ) : (
        <div className="space-y-4">
          {data.map((booking) => (
            <BookingCard key={booking.id} booking={booking} event={events.get(booking.eventId)} />
          ))}
        </div>
      )}
      {nextCursor ? (
        <p className="mt-6">
          <Link href={`/bookings?cursor=${encodeURIComponent(nextCursor)}`} className="text-sm text-brand-700 underline">
            Older bookings
          </Link>
        </p>
      ) : null}
    </>
  );
}
