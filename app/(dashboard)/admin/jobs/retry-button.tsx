"use client";

import { useActionState } from "react";
import { Button } from "@/app/_components/ui/button";
import { retryRunAction } from "./actions";

export function RetryButton({ runId, label }: { runId: string; label: string }) {
  const [state, formAction, pending] = useActionState(retryRunAction, null);
  const error = state && !state.ok ? (state.formError ?? Object.values(state.fieldErrors ?? {})[0]) : undefined;
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="runId" value={runId} />
      <Button type="submit" variant="secondary" disabled={pending || state?.ok} aria-label={`Retry ${label}`}>
        {pending ? "Retrying…" : "Retry"}
      </Button>
      {state?.ok ? <span role="status" className="text-xs text-emerald-700">Queued</span> : null}
      {error ? <span role="alert" className="text-xs text-red-600">{error}</span> : null}
    </form>
  );
}
