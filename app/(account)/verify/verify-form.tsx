"use client";

import { useActionState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { TextField, CodeField } from "@/app/_components/ui/field";
import { FormError } from "../_components/form-error";
import { SubmitButton } from "../_components/submit-button";
import { resendAction, verifyAction } from "./actions";

export function VerifyForm({ email }: { email: string }) {
  const [state, formAction] = useActionState(verifyAction, null);
  const values = state && !state.ok ? state.values : undefined;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormError state={state} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={values?.email ?? email} error={errors?.email} />
      <CodeField error={errors?.code} hint="6 digits, valid for 10 minutes." />
      <SubmitButton pendingLabel="Checking…">Confirm email</SubmitButton>
    </form>
  );
}

export function ResendForm({ email }: { email: string }) {
  const [state, formAction] = useActionState(resendAction, null);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="email" value={email} />
      {state?.ok ? <Alert tone="success">If {state.data.email} is waiting for confirmation, a new code is on its way.</Alert> : null}
      <FormError state={state} />
      <SubmitButton variant="secondary" pendingLabel="Sending…">
        Send a new code
      </SubmitButton>
    </form>
  );
}
