import type { Metadata } from "next";
import { formatPrice } from "@/app/(public)/_components/event-format";
import { Alert } from "@/app/_components/ui/alert";
import { Card, EmptyState, PageHeader } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/table";
import { listPromoCodes, listTicketTypes, type PromoCodeView } from "@/lib/domain/bookings";
import { formatEventTime } from "@/lib/format/event-time";
import { organizerAccess, OrganizersOnly } from "../../_components/organizer-access";
import { eventSubtitle, managedEvent } from "../attendees/managed-event";
import { SalesTabs } from "../tickets/sales-tabs";
import { PromoCodeForm } from "./promo-code-form";

export const metadata: Metadata = { title: "Promo codes" };

function validity(code: PromoCodeView, timezone: string): string {
  const from = code.validFrom ? `from ${formatEventTime(new Date(code.validFrom), timezone)}` : "";
  const until = code.validUntil ? `until ${formatEventTime(new Date(code.validUntil), timezone)}` : "";
  return [from, until].filter(Boolean).join(" ") || "Always";
}

/** An event's promo codes with how often each is used, and a form to create one. */
export default async function EventPromoCodesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { ctx, allowed } = await organizerAccess(`/dashboard/events/${id}/promo-codes`);
  if (!allowed) return <OrganizersOnly title="Promo codes" />;
  const event = await managedEvent(ctx, id);
  const [codes, types] = await Promise.all([listPromoCodes({ ctx, input: { eventId: event.id, limit: 100 } }), listTicketTypes({ ctx, input: { eventId: event.id } })]);
  const typeNames = new Map(types.map((t) => [t.id, t.name]));

  return (
    <>
      <PageHeader title={`Promo codes · ${event.title}`} description={eventSubtitle(event)} />
      <SalesTabs eventId={event.id} current="promo-codes" />
      {codes.data.length === 0 ? (
        <EmptyState title="No promo codes yet">Create one below to give buyers a discount or unlock a secret ticket type.</EmptyState>
      ) : (
        <DataTable columns={["Code", "Discount", "Used", "Valid", "Ticket types"]} testId="promo-codes">
          {codes.data.map((code) => (
            <tr key={code.id}>
              <td data-label="Code" className="font-mono font-medium text-slate-900">{code.code}</td>
              <td data-label="Discount">{code.percentOff !== null ? `${code.percentOff}% off` : `${formatPrice(code.amountOffCents ?? 0, event.currency)} off`}</td>
              <td data-label="Used">
                {code.uses.toLocaleString("en")}
                {code.maxUses === null ? " (no limit)" : ` of ${code.maxUses.toLocaleString("en")}`}
              </td>
              <td data-label="Valid">{validity(code, event.timezone)}</td>
              <td data-label="Ticket types">{code.ticketTypeIds === null ? "All" : code.ticketTypeIds.map((t) => typeNames.get(t) ?? "Deleted type").join(", ") || "None left"}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {codes.nextCursor ? <p className="mt-2 text-sm text-slate-600">Showing the newest 100 codes.</p> : null}
      <div className="mt-8">
        {event.status === "cancelled" ? (
          <Alert tone="info">This event was cancelled, so no new promo codes can be made.</Alert>
        ) : (
          <Card title="Create a promo code">
            <PromoCodeForm eventId={event.id} currency={event.currency} timezone={event.timezone} ticketTypes={types.filter((t) => !t.retiredAt).map(({ id, name, hidden }) => ({ id, name, hidden }))} />
          </Card>
        )}
      </div>
    </>
  );
}
