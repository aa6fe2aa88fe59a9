import { Section, Text } from "@react-email/components";
import { Button } from "./components/button";
import { EmailLayout } from "./components/layout";
import { Greeting } from "./components/greeting";
import { Paragraph } from "./components/paragraph";
import { colors, monoFamily } from "./components/theme";

export type PasswordResetProps = {
  recipientName?: string;
  /** Six digits. */
  code: string;
  /** The reset page with the address and the code filled in. */
  resetUrl: string;
  expiresInMinutes: number;
};

export default function PasswordReset({ recipientName, code, resetUrl, expiresInMinutes }: PasswordResetProps) {
  return (
    <EmailLayout preview={`Your password reset code is ${code}`} heading="Reset your password">
      <Greeting name={recipientName} />
      <Paragraph>Someone asked to reset the password of your Evently account. Use this code to choose a new one:</Paragraph>
      <Section style={{ margin: "0 0 24px" }}>
        <Text
          aria-label={`Reset code: ${code.split("").join(" ")}`}
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
      <Button href={resetUrl}>Choose a new password</Button>
      <Paragraph>
        The code expires in {expiresInMinutes} minutes and works once. Once you set a new password, every device signed in to your account is
        signed out.
      </Paragraph>
      <Paragraph muted>If you did not ask for this, you can ignore this email: your password stays as it is.</Paragraph>
    </EmailLayout>
  );
}

PasswordReset.PreviewProps = {
  recipientName: "Ann",
  code: "482913",
  resetUrl: "http://localhost:3000/reset-password?email=ann%40example.com&code=482913",
  expiresInMinutes: 30,
} satisfies PasswordResetProps;
