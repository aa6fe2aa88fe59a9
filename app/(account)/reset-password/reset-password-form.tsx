"use client";

import { useActionState } from "react";
import { TextField, CodeField } from "@/app/_components/ui/field";
import { FormError } from "../_components/form-error";
import { SubmitButton } from "../_components/submit-button";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ email, code, minLength }: { email: string; code: string; minLength: number }) {
  const [state, formAction] = useActionState(resetPasswordAction, null);
  const values = state && !state.ok ? state.values : undefined;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormError state={state} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={values?.email ?? email} error={errors?.email} />
      <CodeField error={errors?.code} hint="6 digits from the email, valid for 30 minutes." defaultValue={code} />
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={errors?.password}
        hint={`At least ${minLength} characters. Every device signed in to your account will be signed out.`}
      />
      <SubmitButton pendingLabel="Saving…">Set new password</SubmitButton>
    </form>
  );
}
