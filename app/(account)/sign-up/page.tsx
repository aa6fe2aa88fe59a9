import type { Metadata } from "next";
import { Card } from "@/app/_components/ui/card";
import { PASSWORD_MIN_LENGTH } from "@/lib/domain/auth";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <div className="mx-auto max-w-md space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Create an account</h1>
        <p className="mt-1 text-sm text-slate-600">We will email you a 6-digit code to confirm your address.</p>
      </div>
      <Card>
        <SignUpForm minPasswordLength={PASSWORD_MIN_LENGTH} />
      </Card>
    </div>
  );
}
