"use client";

import { useActionState } from "react";
import { NewTokenSecret } from "@/app/_components/api-tokens/new-token-secret";
import { TokenPermissionFields } from "@/app/_components/api-tokens/token-permission-fields";
import { TextField } from "@/app/_components/ui/field";
import { FormError } from "../_components/form-error";
import { SubmitButton } from "../_components/submit-button";
import { createApiTokenAction } from "./api-token-actions";

export function CreateApiTokenForm({ scopes }: { scopes: { value: string; label: string }[] }) {
  const [state, formAction] = useActionState(createApiTokenAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <div className="space-y-4">
      {state?.ok ? <NewTokenSecret name={state.data.name} token={state.data.token} /> : null}
      <form action={formAction} className="space-y-3" noValidate aria-label="Create an API token">
        <FormError state={state} />
        <TextField label="Token name" name="label" required maxLength={100} defaultValue={values?.label ?? ""} error={errors?.label} hint="What it is for, e.g. “Newsletter sync”." />
        <TokenPermissionFields scopes={scopes} errors={errors} values={values} />
        <SubmitButton variant="secondary" pendingLabel="Creating…">
          Create token
        </SubmitButton>
      </form>
    </div>
  );
}
