"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { TextField } from "@/app/_components/ui/field";
import { FormError } from "../_components/form-error";
import { SubmitButton } from "../_components/submit-button";
import { forgotPasswordAction } from "./actions";

export function ForgotPasswordForm({ email }: { email: string }) {
  const [state, formAction] = useActionState(forgotPasswordAction, null);
  const values = state && !state.ok ? state.values : undefined;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <Alert tone="success">If {state.data.email} has an Evently account, a 6-digit code is on its way. It works for 30 minutes.</Alert>
        <Link href={`/reset-password?email=${encodeURIComponent(state.data.email)}`} className="text-sm text-brand-700 underline">
          I have the code
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormError state={state} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={values?.email ?? email} error={errors?.email} />
      <SubmitButton pendingLabel="Sending…">Email me a code</SubmitButton>
    </form>
  );
}
