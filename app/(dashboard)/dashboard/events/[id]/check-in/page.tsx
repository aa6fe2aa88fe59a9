import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/domain/auth";
import { getEvent } from "@/lib/domain/events";
import { currentCtx, requireSession } from "@/lib/web/current-actor";
import { CheckInScanner } from "./check-in-scanner";

export const metadata: Metadata = { title: "Check-in" };

/** The door's scanner, made for a phone held by whoever lets people in (the event's owner, admins). */
export default async function CheckInPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireSession(`/dashboard/events/${id}/check-in`);
  const ctx = await currentCtx();
  const event = await getEvent({ ctx, input: { id } });
  if (!event || !can(ctx.actor, "checkin:scan", { organizerId: event.organizerId, organizationId: event.organizationId })) notFound();
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-xl font-semibold text-slate-900">Check-in · {event.title}</h1>
      <p className="mb-4 text-sm text-slate-600">
        <Link href={`/dashboard/events/${id}/arrivals`} className="text-brand-700 underline">
          Arrivals
        </Link>
      </p>
      <CheckInScanner eventId={id} timeZone={event.timezone} />
    </div>
  );
}
