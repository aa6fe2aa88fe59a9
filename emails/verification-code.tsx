import { Section, Text } from "@react-email/components";
import { EmailLayout } from "./components/layout";
import { Greeting } from "./components/greeting";
import { Paragraph } from "./components/paragraph";
import { colors, monoFamily } from "./components/theme";

export type VerificationCodeProps = {
  recipientName?: string;
  /** Six digits. */
  code: string;
  expiresInMinutes: number;
};

export default function VerificationCode({ recipientName, code, expiresInMinutes }: VerificationCodeProps) {
  return (
    <EmailLayout preview={`Your verification code is ${code}`} heading="Confirm your email address">
      <Greeting name={recipientName} />
      <Paragraph>Enter this code in Evently to confirm your email address:</Paragraph>
      <Section style={{ margin: "0 0 24px" }}>
        <Text
          aria-label={`Verification code: ${code.split("").join(" ")}`}
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
      <Paragraph>The code expires in {expiresInMinutes} minutes and works once.</Paragraph>
      <Paragraph muted>
        If you did not create an Evently account, you can ignore this email: without the code, nobody can confirm it.
      </Paragraph>
    </EmailLayout>
  );
}

VerificationCode.PreviewProps = {
  recipientName: "Ann",
  code: "482913",
  expiresInMinutes: 10,
} satisfies VerificationCodeProps;
