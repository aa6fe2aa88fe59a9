import { CodeBox } from "./components/code-box";
import { EmailLayout } from "./components/layout";
import { Greeting } from "./components/greeting";
import { Paragraph } from "./components/paragraph";

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
      <CodeBox code={code} label="Verification code" />
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
