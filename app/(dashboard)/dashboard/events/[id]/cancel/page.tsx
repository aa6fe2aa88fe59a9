import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatEventTime } from "@/lib/format/event-time";
import { Alert } from "@/app/_components/ui/alert";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { can } from "@/lib/domain/auth";
import { getEvent } from "@/lib/domain/events";
import { CancelForm } from "../../_components/cancel-form";
import { organizerAccess, OrganizersOnly } from "../../_components/organizer-access";

export const metadata: Metadata = { title: "Cancel event" };

/** A separate page, not a one-click button: cancelling cancels every booking and cannot be undone. */
export default async function CancelEventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { ctx, allowed } = await organizerAccess(`/dashboard/events/${id}/cancel`);
  if (!allowed) return <OrganizersOnly title="Cancel event" />;
  const event = await getEvent({ ctx, input: { id } });
  if (!event || !can(ctx.actor, "event:manage", { organizerId: event.organizerId, organizationId: event.organizationId })) notFound();
  const sold = event.capacity - event.seatsAvailable;

  return (
    <>
      <PageHeader title={`Cancel “${event.title}”?`} description={`${event.venue} · ${formatEventTime(event.startsAt, event.timezone)}`} />
      {event.status === "cancelled" ? (
        <Alert tone="info">This event is already cancelled.</Alert>
      ) : (
        <Card>
          <div className="space-y-4">
            <Alert tone="warning">
              {event.status === "draft"
                ? "The draft will be withdrawn for good. It was never published, so nobody is affected."
                : `Every booking is cancelled and its holder emailed${sold > 0 ? ` (about ${sold.toLocaleString("en")} seats are taken)` : ""}; the waitlist is closed. This cannot be undone.`}
            </Alert>
            <CancelForm id={event.id} />
          </div>
        </Card>
      )}
    </>
  );
}
