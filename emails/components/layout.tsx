import type { ReactNode } from "react";
import { Body, Container, Head, Heading, Html, Preview, Section, Text } from "@react-email/components";
import { colors, fontFamily } from "./theme";

type EmailLayoutProps = {
  /** The inbox preview line shown after the subject. */
  preview: string;
  heading: string;
  children: ReactNode;
};

/** Brand header, one white card with the message, and the footer every Evently email shares. */
export function EmailLayout({ preview, heading, children }: EmailLayoutProps) {
  return (
    <Html lang="en" dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: colors.page, fontFamily, margin: 0, padding: "24px 0" }}>
        <Container style={{ maxWidth: "560px", margin: "0 auto", padding: "0 16px" }}>
          <Section style={{ padding: "8px 0 16px" }} data-skip-in-text="true">
            <Text style={{ color: colors.brand, fontSize: "22px", fontWeight: 700, letterSpacing: "-0.02em", margin: 0 }}>
              Evently
            </Text>
          </Section>
          <Section
            style={{
              backgroundColor: colors.card,
              border: `1px solid ${colors.border}`,
              borderRadius: "12px",
              padding: "32px",
            }}
          >
            <Heading as="h1" style={{ color: colors.text, fontSize: "24px", lineHeight: "32px", margin: "0 0 24px" }}>
              {heading}
            </Heading>
            {children}
          </Section>
          <Section style={{ padding: "16px 0" }}>
            <Text style={{ color: colors.muted, fontSize: "13px", lineHeight: "20px", margin: 0 }}>
              Evently · tickets for events worth going to.
              <br />
              You are receiving this email because of activity on your Evently account.
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
