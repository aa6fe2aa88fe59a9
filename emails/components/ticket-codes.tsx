import { Section, Text } from "@react-email/components";
import { colors, monoFamily, paragraph } from "./theme";

/** Ticket codes in a monospace list, one per line, easy to read out at the door. */
export function TicketCodes({ codes }: { codes: string[] }) {
  return (
    <Section style={{ margin: "0 0 24px" }}>
      <Text style={{ ...paragraph, fontWeight: 600, margin: "0 0 8px" }}>
        {codes.length === 1 ? "Your ticket code" : "Your ticket codes"}
      </Text>
      <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
        {codes.map((code) => (
          <li
            key={code}
            style={{
              backgroundColor: colors.page,
              borderRadius: "6px",
              color: colors.text,
              fontFamily: monoFamily,
              fontSize: "15px",
              margin: "0 0 6px",
              padding: "8px 12px",
            }}
          >
            {code}
          </li>
        ))}
      </ul>
    </Section>
  );
}
