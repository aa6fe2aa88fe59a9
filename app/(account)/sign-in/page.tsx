import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@/app/_components/ui/alert";
import { Card } from "@/app/_components/ui/card";
import { currentSession } from "@/lib/web/current-actor";
import { safeNext } from "../_components/safe-next";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Search = { next?: string; callbackUrl?: string; email?: string; reset?: string; deleted?: string };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { next, callbackUrl, email, reset, deleted } = await searchParams;
  const target = safeNext(next ?? callbackUrl);
  if (await currentSession()) redirect(target);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Sign in</h1>
      {deleted ? <Alert tone="success">Your account is deleted and you are signed out everywhere.</Alert> : null}
      {reset ? <Alert tone="success">Your password is changed and every device was signed out. Sign in with the new password.</Alert> : null}
      <Card>
        <SignInForm next={target} email={email} />
      </Card>
    </div>
  );
}
