import { Section, Text } from "@react-email/components";
import { colors, monoFamily } from "./theme";

/** A one-time code set large and spaced for reading off a phone; screen readers hear it digit by digit. */
export function CodeBox({ code, label }: { code: string; label: string }) {
  return (
    <Section style={{ margin: "0 0 24px" }}>
      <Text
        aria-label={`${label}: ${code.split("").join(" ")}`}
        style={{
          backgroundColor: colors.page,
          borderRadius: "8px",
          color: colors.text,
          fontFamily: monoFamily,
          fontSize: "32px",
          fontWeight: 700,
          letterSpacing: "8px",
          margin: 0,
          padding: "16px",
          textAlign: "center",
        }}
      >
        {code}
      </Text>
    </Section>
  );
}
