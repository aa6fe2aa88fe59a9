import { EmailLayout } from "./components/layout";
import { Button } from "./components/button";
import { Greeting } from "./components/greeting";
import { Paragraph } from "./components/paragraph";

export type AccountExistsProps = {
  recipientName?: string;
  signInUrl: string;
};

/**
 * Sent instead of a verification code when someone registers with an address that already has an
 * account, so registration never reveals which addresses are taken.
 */
export default function AccountExists({ recipientName, signInUrl }: AccountExistsProps) {
  return (
    <EmailLayout preview="Someone tried to create an Evently account with your email address" heading="You already have an account">
      <Greeting name={recipientName} />
      <Paragraph>
        Someone just tried to create a new Evently account with this email address. You already have an account, so
        nothing was created and nothing about your account changed.
      </Paragraph>
      <Paragraph>If that was you, sign in with your existing account instead.</Paragraph>
      <Button href={signInUrl}>Sign in to Evently</Button>
      <Paragraph muted>If it was not you, you can safely ignore this email.</Paragraph>
    </EmailLayout>
  );
}

AccountExists.PreviewProps = {
  recipientName: "Ann",
  signInUrl: "http://localhost:3000/sign-in",
} satisfies AccountExistsProps;
