import { Button as EmailButton, Section } from "@react-email/components";
import { colors } from "./theme";

type ButtonProps = { href: string; children: string };

/** The one call to action of a message: a real link, so it also works as plain text. */
export function Button({ href, children }: ButtonProps) {
  return (
    <Section style={{ margin: "8px 0 24px" }}>
      <EmailButton
        href={href}
        style={{
          backgroundColor: colors.brand,
          borderRadius: "8px",
          color: colors.onBrand,
          display: "inline-block",
          fontSize: "16px",
          fontWeight: 600,
          padding: "12px 20px",
          textDecoration: "none",
        }}
      >
        {children}
      </EmailButton>
    </Section>
  );
}
