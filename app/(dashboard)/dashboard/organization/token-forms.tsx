"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import { NewTokenSecret } from "@/app/_components/api-tokens/new-token-secret";
import { TokenPermissionFields } from "@/app/_components/api-tokens/token-permission-fields";
import { createOrganizationTokenAction, revokeOrganizationTokenAction } from "./token-actions";

/** Creates a token for the organization; its secret is shown once above the form. */
export function CreateOrganizationTokenForm({ organizationId, scopes }: { organizationId: string; scopes: { value: string; label: string }[] }) {
  const [state, formAction, pending] = useActionState(createOrganizationTokenAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors;
  const values = failed?.values;
  return (
    <div className="space-y-4">
      {state?.ok ? <NewTokenSecret name={state.data.name} token={state.data.token} /> : null}
      <form action={formAction} className="space-y-3" noValidate aria-label="Create an organization API token">
        {failed?.formError ? <Alert tone="error">{failed.formError}</Alert> : null}
        <input type="hidden" name="organizationId" value={organizationId} />
        <TextField label="Token name" name="name" required maxLength={100} defaultValue={values?.name ?? ""} error={errors?.name} hint="What it is for, e.g. “Box office sync”." />
        <TokenPermissionFields scopes={scopes} errors={errors} values={values} />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </Button>
      </form>
    </div>
  );
}

/** Revoking takes a second, explicit click: integrations using the token stop at once. */
export function RevokeOrganizationTokenButton({ organizationId, tokenId, name }: { organizationId: string; tokenId: string; name: string }) {
  const [state, formAction, pending] = useActionState(revokeOrganizationTokenAction, null);
  const [confirming, setConfirming] = useState(false);
  const error = state && !state.ok ? (state.formError ?? "The token could not be revoked.") : undefined;
  if (!confirming) {
    return (
      <Button type="button" variant="danger" onClick={() => setConfirming(true)} aria-label={`Revoke the token ${name}`}>
        Revoke
      </Button>
    );
  }
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2" role="group" aria-label={`Confirm revoking ${name}`}>
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="tokenId" value={tokenId} />
      <p className="w-full text-sm text-slate-700">Revoke “{name}”? Every program using it stops working at once.</p>
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? "Revoking…" : "Yes, revoke"}
      </Button>
      <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
        Keep it
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-600">
          {error}
        </span>
      ) : null}
    </form>
  );
}
