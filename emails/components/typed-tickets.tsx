import { Section, Text } from "@react-email/components";
import { colors, monoFamily, paragraph } from "./theme";

export type TypedTicket = { typeName: string; code: string };

/** Every ticket of an order with its type, one per line, its code easy to read out at the door. */
export function TypedTickets({ tickets }: { tickets: TypedTicket[] }) {
  return (
    <Section style={{ margin: "0 0 24px" }}>
      <Text style={{ ...paragraph, fontWeight: 600, margin: "0 0 8px" }}>{tickets.length === 1 ? "Your ticket" : "Your tickets"}</Text>
      <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
        {tickets.map((ticket) => (
          <li key={ticket.code} style={{ backgroundColor: colors.page, borderRadius: "6px", color: colors.text, margin: "0 0 6px", padding: "8px 12px" }}>
            <span style={{ fontSize: "14px" }}>{ticket.typeName}: </span>
            <span style={{ fontFamily: monoFamily, fontSize: "15px" }}>{ticket.code}</span>
          </li>
        ))}
      </ul>
    </Section>
  );
}
