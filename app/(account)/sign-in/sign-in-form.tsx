"use client";

import Link from "next/link";
import { useActionState } from "react";
import { TextField } from "@/app/_components/ui/field";
import { FormError } from "../_components/form-error";
import { SubmitButton } from "../_components/submit-button";
import { signInAction } from "./actions";

export function SignInForm({ next, email }: { next?: string; email?: string }) {
  const [state, formAction] = useActionState(signInAction, null);
  const values = state && !state.ok ? state.values : undefined;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormError state={state} />
      <input type="hidden" name="next" value={next ?? ""} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={values?.email ?? email ?? ""} error={errors?.email} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={errors?.password} />
      <div className="flex flex-wrap items-center justify-between gap-4">
        <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
        <div className="flex flex-wrap gap-4 text-sm">
          <Link href="/forgot-password" className="text-brand-700 underline">
            Forgot your password?
          </Link>
          <Link href="/sign-up" className="text-brand-700 underline">
            Create an account
          </Link>
        </div>
      </div>
    </form>
  );
}
