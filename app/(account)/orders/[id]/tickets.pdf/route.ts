import { renderToBuffer } from "@react-pdf/renderer";
import QRCode from "qrcode";
import { createElement } from "react";
import { getOrder } from "@/lib/domain/bookings";
import { isDomainError } from "@/lib/domain/errors";
import { getEventsByIds } from "@/lib/domain/events";
import { formatEventTime } from "@/lib/format/event-time";
import { currentCtx } from "@/lib/web/current-actor";
import { TicketDocument, type TicketDocumentProps } from "./ticket-document";

const refusal = (status: number, text: string) =>
  new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" } });

/**
 * The order's tickets as a PDF, one page per ticket with its QR code, for the buyer (or the
 * organizer, or an admin) to print or carry. Tickets transferred to someone else are theirs, not
 * in this file. Only a confirmed order has tickets that admit anyone.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await currentCtx();
  const order = await getOrder({ ctx, input: { orderId: id } }).catch((error: unknown) => {
    if (isDomainError(error)) return null;
    throw error;
  });
  if (!order) return refusal(404, "Order not found");
  if (order.status !== "confirmed") return refusal(409, "This order has no valid tickets.");
  const [event] = await getEventsByIds({ ctx, input: { ids: [order.eventId] } });
  if (!event) return refusal(404, "Order not found");
  const typeName = new Map(order.items.map((line) => [line.ticketTypeId, line.name]));
  const tickets = await Promise.all(
    order.tickets
      .filter((t) => !t.holderEmail)
      .map(async (t) => ({
        code: t.ticketCode,
        qrDataUrl: await QRCode.toDataURL(t.ticketCode, { errorCorrectionLevel: "M", margin: 1, width: 440 }),
        ticketType: typeName.get(t.ticketTypeId) ?? "Ticket",
        attendeeName: t.attendeeName,
      })),
  );
  if (tickets.length === 0) return refusal(409, "Every ticket of this order was transferred.");
  const props: TicketDocumentProps = {
    event: { title: event.title, venue: event.venue, when: formatEventTime(event.startsAt, event.timezone, { style: "long" }) },
    orderRef: order.id.slice(0, 8).toUpperCase(),
    tickets,
  };
  // renderToBuffer's type asks for a <Document> element; TicketDocument renders exactly one.
  const pdf = await renderToBuffer(createElement(TicketDocument, props) as Parameters<typeof renderToBuffer>[0]);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="tickets-${props.orderRef}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
}
