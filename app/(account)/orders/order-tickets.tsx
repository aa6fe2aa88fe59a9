import type { OrderView } from "@/lib/domain/bookings";
import { TicketQr } from "./ticket-qr";

/** The tickets of a confirmed order, grouped by type, each with its code and QR code for the door. */
export function OrderTickets({ order }: { order: OrderView }) {
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
          <div className="flex flex-wrap gap-6">
            {order.tickets
              .filter((t) => t.ticketTypeId === typeId)
              .map((ticket) => (
                <TicketQr key={ticket.id} code={ticket.ticketCode} />
              ))}
          </div>
        </div>
      ))}
    </section>
  );
}
