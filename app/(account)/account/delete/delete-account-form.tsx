"use client";

import { useActionState } from "react";
import { TextField } from "@/app/_components/ui/field";
import { FormError } from "../../_components/form-error";
import { SubmitButton } from "../../_components/submit-button";
import { deleteAccountAction } from "./actions";

export function DeleteAccountForm() {
  const [state, formAction] = useActionState(deleteAccountAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Delete account">
      <FormError state={state} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={errors?.password} />
      <div>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="confirm" className="mt-1" aria-describedby={errors?.confirm ? "confirm-error" : undefined} />
          <span>I understand that my account is deleted for good and cannot be restored.</span>
        </label>
        {errors?.confirm ? (
          <p id="confirm-error" className="mt-1 text-xs text-red-700">
            {errors.confirm}
          </p>
        ) : null}
      </div>
      <SubmitButton variant="danger" pendingLabel="Deleting…">
        Delete my account
      </SubmitButton>
    </form>
  );
}
