import type { OrderView } from "@/lib/domain/bookings";
import { RenameTicketForm, TransferTicketForm } from "./[id]/ticket-forms";
import { TicketQr } from "./ticket-qr";

/** What the buyer may still change about the tickets, from the event's rules; absent: nothing. */
export type TicketChanges = { names: boolean; transfers: boolean };

/**
 * The tickets of a confirmed order, grouped by type, each with its code and QR code for the door,
 * its attendee name and, where the event allows, the forms to rename or transfer it. A
 * transferred ticket is its new holder's: it shows whose, not its code.
 */
export function OrderTickets({ order, changes }: { order: OrderView; changes?: TicketChanges }) {
  const nameOf = new Map(order.items.map((line) => [line.ticketTypeId, line.name]));
  const types = [...new Set(order.tickets.map((t) => t.ticketTypeId))];
  return (
    <section aria-labelledby={`tickets-${order.id}`} className="space-y-4" data-testid="order-tickets">
      <h2 id={`tickets-${order.id}`} className="text-base font-semibold text-slate-900">
        Your tickets
      </h2>
      {types.map((typeId) => (
        <div key={typeId} className="space-y-2">
          <h3 className="text-sm font-medium text-slate-700">{nameOf.get(typeId) ?? "Ticket"}</h3>
          <ul className="grid gap-4 sm:grid-cols-2">
            {order.tickets
              .filter((t) => t.ticketTypeId === typeId)
              .map((ticket, index) => {
                const label = `${nameOf.get(typeId) ?? "Ticket"} ${index + 1}`;
                return (
                  <li key={ticket.id} className="space-y-3 rounded-lg border border-slate-200 p-3" data-testid="ticket" data-ticket-id={ticket.id}>
                    {ticket.holderEmail ? (
                      <p className="text-sm text-slate-700" data-testid="ticket-transferred">
                        Transferred to {ticket.holderEmail}
                        {ticket.attendeeName ? ` (${ticket.attendeeName})` : ""}.
                      </p>
                    ) : (
                      <>
                        <TicketQr code={ticket.ticketCode} />
                        {ticket.attendeeName ? (
                          <p className="text-sm text-slate-700" data-testid="attendee-name">
                            For {ticket.attendeeName}
                          </p>
                        ) : null}
                        {changes?.names ? <RenameTicketForm orderId={order.id} ticketId={ticket.id} label={label} attendeeName={ticket.attendeeName} /> : null}
                        {changes?.transfers ? <TransferTicketForm orderId={order.id} ticketId={ticket.id} label={label} /> : null}
                      </>
                    )}
                  </li>
                );
              })}
          </ul>
        </div>
      ))}
    </section>
  );
}
