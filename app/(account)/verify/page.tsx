import type { Metadata } from "next";
import { Card } from "@/app/_components/ui/card";
import { ResendForm, VerifyForm } from "./verify-form";

export const metadata: Metadata = { title: "Confirm your email" };

export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email = "" } = await searchParams;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Confirm your email</h1>
        <p className="mt-1 text-sm text-slate-600">
          {email ? <>We sent a 6-digit code to {email}. </> : null}Enter it below. No email? Check spam, or send a new code.
        </p>
      </div>
      <Card>
        <VerifyForm email={email} />
      </Card>
      {email ? <ResendForm email={email} /> : null}
    </div>
  );
}
