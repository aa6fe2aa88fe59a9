"use client";

import Link from "next/link";
import { useActionState } from "react";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { FormError } from "../_components/form-error";
import { SubmitButton } from "../_components/submit-button";
import { signUpAction } from "./actions";

export function SignUpForm({ minPasswordLength }: { minPasswordLength: number }) {
  const [state, formAction] = useActionState(signUpAction, null);
  const values = state && !state.ok ? state.values : undefined;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormError state={state} />
      <TextField label="Name" name="name" autoComplete="name" required defaultValue={values?.name ?? ""} error={errors?.name} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={values?.email ?? ""} error={errors?.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={minPasswordLength}
        error={errors?.password}
        hint={`At least ${minPasswordLength} characters. A few unrelated words make a strong one.`}
      />
      <SelectField label="I want to" name="role" defaultValue={values?.role ?? "attendee"} error={errors?.role}>
        <option value="attendee">Book events</option>
        <option value="organizer">Organize events</option>
      </SelectField>
      <div className="flex items-center justify-between gap-4">
        <SubmitButton pendingLabel="Creating account…">Create account</SubmitButton>
        <Link href="/sign-in" className="text-sm text-brand-700 underline">
          I already have an account
        </Link>
      </div>
    </form>
  );
}
