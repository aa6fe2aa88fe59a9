import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/app/_components/ui/alert";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { can } from "@/lib/domain/auth";
import { getEvent, getOnlineUrl, SUGGESTED_CATEGORIES } from "@/lib/domain/events";
import { ACCEPTED_UPLOADS, MAX_IMAGE_BYTES } from "@/lib/domain/media";
import { CoverImageField } from "../../_components/cover-image-field";
import { CURRENCIES } from "@/lib/format/currency";
import { TIME_ZONES } from "@/lib/format/time-zone";
import { toFormValues } from "../../_components/event-form-values";
import { EventForm } from "../../_components/event-form";
import { organizerAccess, OrganizersOnly } from "../../_components/organizer-access";

export const metadata: Metadata = { title: "Edit event" };

export default async function EditEventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { ctx, allowed } = await organizerAccess(`/dashboard/events/${id}/edit`);
  if (!allowed) return <OrganizersOnly title="Edit event" />;
  const event = await getEvent({ ctx, input: { id } });
  if (!event || !can(ctx.actor, "event:manage", { organizerId: event.organizerId, organizationId: event.organizationId })) notFound();

  return (
    <>
      <PageHeader title={`Edit “${event.title}”`} description="Times are in the event's own time zone." />
      {event.status === "cancelled" ? (
        <Alert tone="info">This event was cancelled; it can no longer be edited.</Alert>
      ) : (
        <Card>
          <div className="mb-6 border-b border-slate-200 pb-6">
            <CoverImageField eventId={event.id} initial={event.coverImage} maxBytes={MAX_IMAGE_BYTES} accepted={ACCEPTED_UPLOADS} />
          </div>
          <EventForm mode="edit" id={event.id} version={event.version} initial={toFormValues(event, await getOnlineUrl({ ctx, input: { id: event.id } }))} categories={SUGGESTED_CATEGORIES} timeZones={TIME_ZONES} currencies={CURRENCIES} />
        </Card>
      )}
    </>
  );
}
