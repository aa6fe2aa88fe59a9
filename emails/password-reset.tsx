import { CodeBox } from "./components/code-box";
import { Button } from "./components/button";
import { EmailLayout } from "./components/layout";
import { Greeting } from "./components/greeting";
import { Paragraph } from "./components/paragraph";

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
      <CodeBox code={code} label="Reset code" />
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
