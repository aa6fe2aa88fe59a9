"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { FormError } from "../_components/form-error";
import { SubmitButton } from "../_components/submit-button";
import { createApiTokenAction } from "./api-token-actions";
import { TOKEN_LIFETIMES } from "./api-token-lifetimes";

/** The secret, shown once, with a copy button: it cannot be shown again after this page changes. */
export function NewTokenSecret({ name, token }: { name: string; token: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Alert tone="success">
      <p className="font-medium">Your token “{name}” is ready. Copy it now: it will not be shown again.</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code data-testid="new-api-token" className="min-w-0 flex-1 rounded bg-white px-2 py-1 font-mono text-xs [overflow-wrap:anywhere]">
          {token}
        </code>
        <Button
          type="button"
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(token);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </Alert>
  );
}

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
        <fieldset className="space-y-2" aria-describedby={errors?.scopes ? "scopes-error" : undefined}>
          <legend className="text-sm font-medium text-slate-700">What it may do</legend>
          {errors?.scopes ? (
            <p id="scopes-error" role="alert" className="text-xs text-red-600">
              {errors.scopes}
            </p>
          ) : null}
          {scopes.map((scope) => (
            <label key={scope.value} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={`scope:${scope.value}`} defaultChecked={values?.[`scope:${scope.value}`] === "on"} className="h-4 w-4" />
              {scope.label}
            </label>
          ))}
        </fieldset>
        <SelectField label="Works for" name="lifetime" defaultValue={values?.lifetime ?? "90"} error={errors?.lifetime ?? errors?.expiresAt}>
          {Object.entries(TOKEN_LIFETIMES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <SubmitButton variant="secondary" pendingLabel="Creating…">
          Create token
        </SubmitButton>
      </form>
    </div>
  );
}
