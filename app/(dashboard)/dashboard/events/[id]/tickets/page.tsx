import type { Metadata } from "next";
import Link from "next/link";
import { formatPrice } from "@/app/(public)/_components/event-format";
import { Alert } from "@/app/_components/ui/alert";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { listTicketTypes, type TicketTypeView } from "@/lib/domain/bookings";
import { formatEventTime } from "@/lib/format/event-time";
import { instantToZonedLocal } from "@/lib/format/time-zone";
import { organizerAccess, OrganizersOnly } from "../../_components/organizer-access";
import { formatPriceInput } from "../../_components/price-input";
import { eventSubtitle, managedEvent } from "../attendees/managed-event";
import { SalesTabs } from "./sales-tabs";
import { TicketTypeActions } from "./ticket-type-actions";
import { TicketTypeForm, type TicketTypeFormValues } from "./ticket-type-form";

export const metadata: Metadata = { title: "Tickets" };

function formValues(type: TicketTypeView, currency: string, timezone: string): TicketTypeFormValues {
  const local = (at: string | null) => (at ? instantToZonedLocal(new Date(at), timezone) : "");
  return {
    name: type.name,
    description: type.description,
    price: formatPriceInput(type.priceCents, currency),
    capacity: type.capacity === null ? "" : String(type.capacity),
    perOrderMax: String(type.perOrderMax),
    salesStartAt: local(type.salesStartAt),
    salesEndAt: local(type.salesEndAt),
    hidden: type.hidden,
  };
}

const NEW_TYPE: TicketTypeFormValues = { name: "", description: "", price: "", capacity: "", perOrderMax: "10", salesStartAt: "", salesEndAt: "", hidden: false };

/** The order the list would have with the types at `i` and `j` swapped. */
function swapped(ids: string[], i: number, j: number): string[] | null {
  if (j < 0 || j >= ids.length) return null;
  const next = [...ids];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

function saleWindow(type: TicketTypeView, timezone: string): string {
  const from = type.salesStartAt ? `from ${formatEventTime(new Date(type.salesStartAt), timezone)}` : "";
  const until = type.salesEndAt ? `until ${formatEventTime(new Date(type.salesEndAt), timezone)}` : "";
  return [from, until].filter(Boolean).join(" ") || "On sale until the event ends";
}

/** The kinds of tickets an event sells: add, edit, reorder, stop and delete them. */
export default async function EventTicketsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { ctx, allowed } = await organizerAccess(`/dashboard/events/${id}/tickets`);
  if (!allowed) return <OrganizersOnly title="Tickets" />;
  const event = await managedEvent(ctx, id);
  const types = await listTicketTypes({ ctx, input: { eventId: event.id } });
  const ids = types.map((t) => t.id);
  const editable = event.status !== "cancelled";

  return (
    <>
      <PageHeader
        title={`Tickets · ${event.title}`}
        description={`${eventSubtitle(event)} · ${event.capacity.toLocaleString("en")} seats in total, shared by all ticket types`}
      />
      <SalesTabs eventId={event.id} current="tickets" />
      {editable ? null : <Alert tone="info">This event was cancelled, so its tickets can no longer change.</Alert>}
      <ol className="space-y-4" data-testid="ticket-types">
        {types.map((type, i) => (
          <li key={type.id}>
            <Card>
              <div className="flex flex-col gap-3 lg:flex-row lg:items-start lg:justify-between">
                <div className="min-w-0">
                  <h2 className="text-base font-semibold text-slate-900">
                    {type.name}
                    {type.hidden ? <span className="ml-2 rounded bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">Secret</span> : null}
                    {type.retiredAt ? <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">Sales stopped</span> : null}
                  </h2>
                  <p className="mt-1 text-sm text-slate-700">
                    {formatPrice(type.priceCents, event.currency)} · {type.sold.toLocaleString("en")} sold
                    {type.capacity === null ? "" : ` of ${type.capacity.toLocaleString("en")}`} · {type.seatsAvailable.toLocaleString("en")} left · at most{" "}
                    {type.perOrderMax} per order
                  </p>
                  <p className="text-xs text-slate-500">{saleWindow(type, event.timezone)}</p>
                  {type.description ? <p className="mt-1 text-sm text-slate-600">{type.description}</p> : null}
                </div>
                {editable ? (
                  <TicketTypeActions
                    eventId={event.id}
                    ticketTypeId={type.id}
                    name={type.name}
                    retired={type.retiredAt !== null}
                    moveUp={swapped(ids, i, i - 1)}
                    moveDown={swapped(ids, i, i + 1)}
                  />
                ) : null}
              </div>
              {editable ? (
                <details className="mt-4 border-t border-slate-200 pt-3">
                  <summary className="cursor-pointer text-sm font-medium text-brand-700">Edit {type.name}</summary>
                  <div className="mt-4">
                    <TicketTypeForm eventId={event.id} currency={event.currency} timezone={event.timezone} ticketTypeId={type.id} initial={formValues(type, event.currency, event.timezone)} />
                  </div>
                </details>
              ) : null}
            </Card>
          </li>
        ))}
      </ol>
      {editable ? (
        <div className="mt-8">
          <Card title="Add a ticket type">
            <TicketTypeForm eventId={event.id} currency={event.currency} timezone={event.timezone} initial={NEW_TYPE} />
          </Card>
        </div>
      ) : null}
      <p className="mt-6 text-sm text-slate-600">
        A ticket type that has sold cannot be deleted; stop its sales instead, and the tickets already bought stay valid.{" "}
        <Link href="/dashboard/events" className="text-brand-700 underline">
          Back to my events
        </Link>
      </p>
    </>
  );
}
