import { Document, Image, Page, StyleSheet, Text, View } from "@react-pdf/renderer";

export type PdfTicket = { code: string; qrDataUrl: string; ticketType: string; attendeeName: string | null };

export type TicketDocumentProps = {
  event: { title: string; venue: string; when: string };
  orderRef: string;
  tickets: PdfTicket[];
};

const styles = StyleSheet.create({
  page: { padding: 48, fontSize: 12, fontFamily: "Helvetica", color: "#0f172a" },
  brand: { fontSize: 10, color: "#475569", marginBottom: 24 },
  title: { fontSize: 22, fontFamily: "Helvetica-Bold", marginBottom: 8 },
  line: { marginBottom: 4 },
  ticket: { marginTop: 32, padding: 24, border: "1pt solid #cbd5e1", borderRadius: 8, alignItems: "center" },
  qr: { width: 220, height: 220 },
  code: { fontFamily: "Courier-Bold", fontSize: 16, letterSpacing: 2, marginTop: 12 },
  label: { fontSize: 10, color: "#475569", marginTop: 16 },
  name: { fontSize: 16, fontFamily: "Helvetica-Bold", marginTop: 4 },
  foot: { position: "absolute", bottom: 32, left: 48, right: 48, fontSize: 9, color: "#64748b" },
});

/** One page per ticket: the event, the QR code the door scans, its code in words, and whose seat it is. */
export function TicketDocument({ event, orderRef, tickets }: TicketDocumentProps) {
  return (
    <Document title={`Tickets: ${event.title}`} author="Evently">
      {tickets.map((ticket, index) => (
        <Page key={ticket.code} size="A4" style={styles.page}>
          <Text style={styles.brand}>Evently · Order {orderRef}</Text>
          <Text style={styles.title}>{event.title}</Text>
          <Text style={styles.line}>{event.when}</Text>
          <Text style={styles.line}>{event.venue}</Text>
          <View style={styles.ticket}>
            {/* eslint-disable-next-line jsx-a11y/alt-text -- a PDF image has no alt attribute; the code is printed below it */}
            <Image src={ticket.qrDataUrl} style={styles.qr} />
            <Text style={styles.code}>{ticket.code}</Text>
            <Text style={styles.label}>{ticket.ticketType}</Text>
            {ticket.attendeeName ? <Text style={styles.name}>{ticket.attendeeName}</Text> : null}
          </View>
          <Text style={styles.foot}>
            Ticket {index + 1} of {tickets.length}. Show the QR code or the code at the entrance. Each code admits one person once.
          </Text>
        </Page>
      ))}
    </Document>
  );
}
