import { Link } from "@react-email/components";
import { EmailLayout } from "./components/layout";
import { Button } from "./components/button";
import { Greeting } from "./components/greeting";
import { Paragraph } from "./components/paragraph";
import { colors } from "./components/theme";

export type AccountExistsProps = {
  recipientName?: string;
  signInUrl: string;
  /** Omitted while there is no password-reset page to send people to. */
  resetPasswordUrl?: string;
};

/**
 * Sent instead of a verification code when someone registers with an address that already has an
 * account, so registration never reveals which addresses are taken.
 */
export default function AccountExists({ recipientName, signInUrl, resetPasswordUrl }: AccountExistsProps) {
  return (
    <EmailLayout preview="Someone tried to create an Evently account with your email address" heading="You already have an account">
      <Greeting name={recipientName} />
      <Paragraph>
        Someone just tried to create a new Evently account with this email address. You already have an account, so
        nothing was created and nothing about your account changed.
      </Paragraph>
      <Paragraph>If that was you, sign in with your existing account instead.</Paragraph>
      <Button href={signInUrl}>Sign in to Evently</Button>
      {resetPasswordUrl ? (
        <Paragraph>
          Forgot your password?{" "}
          <Link href={resetPasswordUrl} style={{ color: colors.brand, textDecoration: "underline" }}>
            Reset it here
          </Link>
          .
        </Paragraph>
      ) : null}
      <Paragraph muted>If it was not you, you can safely ignore this email.</Paragraph>
    </EmailLayout>
  );
}

AccountExists.PreviewProps = {
  recipientName: "Ann",
  signInUrl: "http://localhost:3000/sign-in",
  resetPasswordUrl: "http://localhost:3000/reset-password",
} satisfies AccountExistsProps;
