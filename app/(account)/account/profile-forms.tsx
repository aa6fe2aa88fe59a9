"use client";

import { useActionState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { TextField, CodeField } from "@/app/_components/ui/field";
import { FormError } from "../_components/form-error";
import { SubmitButton } from "../_components/submit-button";
import { changePasswordAction, confirmEmailChangeAction, renameAction, requestEmailChangeAction } from "./profile-actions";

export function RenameForm({ name }: { name: string }) {
  const [state, formAction] = useActionState(renameAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label="Change name">
      <FormError state={state} />
      {state?.ok ? <Alert tone="success">Your name is now {state.data.name}.</Alert> : null}
      <TextField label="Name" name="name" autoComplete="name" required maxLength={100} defaultValue={name} error={errors?.name} />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save name
      </SubmitButton>
    </form>
  );
}

export function ChangePasswordForm({ minLength }: { minLength: number }) {
  const [state, formAction] = useActionState(changePasswordAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label="Change password">
      <FormError state={state} />
      {state?.ok ? <Alert tone="success">Your password is changed. Every other device was signed out.</Alert> : null}
      <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={errors?.currentPassword} />
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={errors?.password}
        hint={`At least ${minLength} characters. Other devices will be signed out.`}
      />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Change password
      </SubmitButton>
    </form>
  );
}

export function ChangeEmailForm() {
  const [requested, requestAction] = useActionState(requestEmailChangeAction, null);
  const [confirmed, confirmAction] = useActionState(confirmEmailChangeAction, null);
  const requestErrors = requested && !requested.ok ? requested.fieldErrors : undefined;
  const requestValues = requested && !requested.ok ? requested.values : undefined;
  const confirmErrors = confirmed && !confirmed.ok ? confirmed.fieldErrors : undefined;
  if (confirmed?.ok) return <Alert tone="success">Your email address is now {confirmed.data.email}.</Alert>;
  if (requested?.ok) {
    return (
      <form action={confirmAction} className="space-y-3" noValidate aria-label="Confirm new email">
        <Alert tone="info">
          If {requested.data.email} can receive it and has no Evently account yet, a 6-digit code is on its way there. Your address changes once you
          enter it.
        </Alert>
        <FormError state={confirmed} />
        <CodeField error={confirmErrors?.code} hint="6 digits, valid for 30 minutes." />
        <SubmitButton variant="secondary" pendingLabel="Checking…">
          Confirm new email
        </SubmitButton>
      </form>
    );
  }
  return (
    <form action={requestAction} className="space-y-3" noValidate aria-label="Change email">
      <FormError state={requested} />
      <TextField label="New email" name="email" type="email" autoComplete="email" required defaultValue={requestValues?.email ?? ""} error={requestErrors?.email} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={requestErrors?.password} />
      <SubmitButton variant="secondary" pendingLabel="Sending…">
        Send a code to the new address
      </SubmitButton>
    </form>
  );
}
