import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/app/_components/ui/card";
import { getBooking } from "@/lib/domain/bookings";
import { isDomainError } from "@/lib/domain/errors";
import { getEventsByIds } from "@/lib/domain/events";
import { currentCtx, requireSession } from "@/lib/web/current-actor";
import { BookingCard } from "../booking-card";

export const metadata: Metadata = { title: "Booking" };

export default async function BookingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireSession(`/bookings/${id}`);
  const ctx = await currentCtx();
  const booking = await getBooking({ ctx, input: { id } }).catch((error: unknown) => {
    if (isDomainError(error) && (error.kind === "NotFound" || error.kind === "Forbidden")) notFound();
    throw error;
  });
  const [event] = await getEventsByIds({ ctx, input: { ids: [booking.eventId] } });
  return (
    <>
      <PageHeader
        title="Your booking"
        description={`Booking ${booking.id}`}
        actions={
          <Link href="/bookings" className="text-sm text-brand-700 underline">
            All bookings
          </Link>
        }
      />
      <BookingCard booking={booking} event={event} open />
    </>
  );
}
