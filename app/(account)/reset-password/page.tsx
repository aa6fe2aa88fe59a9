import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/app/_components/ui/card";
import { PASSWORD_MIN_LENGTH } from "@/lib/domain/auth";
import { searchParam } from "@/lib/web/search-param";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

type Search = { email?: string | string[]; code?: string | string[] };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const email = searchParam(params.email) ?? "";
  const code = (searchParam(params.code) ?? "").slice(0, 6);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Choose a new password</h1>
        <p className="mt-1 text-sm text-slate-600">
          Enter the code we emailed you and your new password. No code?{" "}
          <Link className="text-brand-700 underline" href={`/forgot-password${email ? `?email=${encodeURIComponent(email)}` : ""}`}>
            Send a new one
          </Link>
          .
        </p>
      </div>
      <Card>
        <ResetPasswordForm email={email} code={code} minLength={PASSWORD_MIN_LENGTH} />
      </Card>
    </div>
  );
}
