import type { Metadata } from "next";
import { Card } from "@/app/_components/ui/card";
import { searchParam } from "@/lib/web/search-param";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password" };

export default async function ForgotPasswordPage({ searchParams }: { searchParams: Promise<{ email?: string | string[] }> }) {
  const { email } = await searchParams;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Forgot your password?</h1>
        <p className="mt-1 text-sm text-slate-600">Enter your email address and we will send you a code to choose a new password.</p>
      </div>
      <Card>
        <ForgotPasswordForm email={searchParam(email) ?? ""} />
      </Card>
    </div>
  );
}
