import type { Metadata } from "next";
import { Alert } from "@/app/_components/ui/alert";
import { Card, EmptyState, PageHeader } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/table";
import { listAttendeeMessages, listTicketTypes } from "@/lib/domain/bookings";
import { formatEventTime } from "@/lib/format/event-time";
import { organizerAccess, OrganizersOnly } from "../../_components/organizer-access";
import { eventSubtitle, managedEvent } from "../attendees/managed-event";
import { MessageForm } from "./message-form";

export const metadata: Metadata = { title: "Messages to attendees" };

/** Write to an event's ticket holders, and the list of what was sent to them. */
export default async function EventMessagesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { ctx, allowed } = await organizerAccess(`/dashboard/events/${id}/messages`);
  if (!allowed) return <OrganizersOnly title="Messages to attendees" />;
  const event = await managedEvent(ctx, id);
  const [sent, types] = await Promise.all([listAttendeeMessages({ ctx, input: { eventId: event.id } }), listTicketTypes({ ctx, input: { eventId: event.id } })]);
  const typeNames = new Map(types.map((t) => [t.id, t.name]));

  return (
    <>
      <PageHeader title={`Messages · ${event.title}`} description={eventSubtitle(event)} />
      <div className="space-y-8">
        {event.status === "cancelled" ? (
          <Alert tone="info">This event was cancelled; its attendees were told why in their cancellation email.</Alert>
        ) : (
          <Card title="Write to attendees">
            <MessageForm eventId={event.id} eventTitle={event.title} ticketTypes={types.map(({ id: typeId, name }) => ({ id: typeId, name }))} />
          </Card>
        )}
        <section aria-labelledby="sent-messages" className="space-y-3">
          <h2 id="sent-messages" className="text-base font-semibold text-slate-900">
            Sent messages
          </h2>
          {sent.length === 0 ? (
            <EmptyState title="Nothing sent yet">Messages you send appear here with how many people they reached.</EmptyState>
          ) : (
            <DataTable columns={["Written", "To", "Subject", "Delivered"]} testId="sent-messages">
              {sent.map((m) => (
                <tr key={m.id}>
                  <td data-label="Written">{formatEventTime(m.createdAt, event.timezone)}</td>
                  <td data-label="To">{m.ticketTypeId ? `Holders of ${typeNames.get(m.ticketTypeId) ?? "a retired type"}` : "Every ticket holder"}</td>
                  <td data-label="Subject" className="font-medium text-slate-900">{m.subject}</td>
                  <td data-label="Delivered">{m.status === "sent" ? `${m.recipients} emails` : `Sending… ${m.recipients} so far`}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      </div>
    </>
  );
}
