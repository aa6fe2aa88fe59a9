"use client";

import { useActionState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { WEBHOOK_EVENT_TYPES } from "@/lib/domain/webhooks/event-types";
import { createWebhookAction } from "../actions";
import { EVENT_TYPE_LABELS } from "./event-type-labels";

/**
 * Adds an endpoint; on success shows its signing secret, which no page shows again. Someone
 * who manages webhooks in several organizations picks which one it belongs to.
 */
export function CreateWebhookForm({ organizations }: { organizations: { id: string; name: string }[] }) {
  const [state, formAction, pending] = useActionState(createWebhookAction, null);
  const failed = state && !state.ok ? state : null;
  const values = failed?.values ?? {};
  const created = state?.ok ? state.data : null;
  return (
    <div className="space-y-4">
      {created ? (
        <Alert tone="success">
          <p>
            Webhook added for <strong className="break-all">{created.url}</strong>. Copy its signing secret now: it is not shown again.
          </p>
          <p className="mt-2">
            <label htmlFor="new-webhook-secret" className="block text-xs font-medium">
              Signing secret
            </label>
            <input
              id="new-webhook-secret"
              readOnly
              value={created.secret}
              data-testid="webhook-secret"
              className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs"
              onFocus={(e) => e.currentTarget.select()}
            />
          </p>
        </Alert>
      ) : null}
      {failed?.formError ? <Alert tone="error">{failed.formError}</Alert> : null}
      <form action={formAction} className="space-y-4" key={created?.id ?? "new"}>
        <TextField
          label="Address that receives the messages"
          name="url"
          type="url"
          inputMode="url"
          required
          placeholder="https://example.com/hooks/evently"
          defaultValue={values.url}
          error={failed?.fieldErrors?.url}
          hint="We send a signed POST request here each time something you chose below happens."
        />
        {organizations.length > 1 ? (
          <SelectField
            label="Organization"
            name="organizationId"
            defaultValue={values.organizationId ?? organizations[0]!.id}
            hint="The webhook hears about this organization's events, and its owners and managers can see it."
          >
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <fieldset className="space-y-2" aria-describedby={failed?.fieldErrors?.events ? "events-error" : undefined}>
          <legend className="text-sm font-medium text-slate-700">Send a message when</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <label key={type} className="flex items-center gap-2 text-sm text-slate-700">
                <input type="checkbox" name={`type:${type}`} defaultChecked={failed ? values[`type:${type}`] !== undefined : false} className="h-4 w-4" />
                {EVENT_TYPE_LABELS[type]}
              </label>
            ))}
          </div>
          {failed?.fieldErrors?.events ? (
            <p id="events-error" role="alert" className="text-xs text-red-600">
              Choose at least one.
            </p>
          ) : null}
        </fieldset>
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add webhook"}
        </Button>
      </form>
    </div>
  );
}
