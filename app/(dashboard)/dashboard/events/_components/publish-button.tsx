"use client";

import { useActionState } from "react";
import { publishEventAction } from "../actions";

export function PublishButton({ id, title }: { id: string; title: string }) {
  const [state, formAction, pending] = useActionState(publishEventAction, null);
  const error = state && !state.ok ? (state.formError ?? "Could not publish.") : undefined;
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} aria-label={`Publish ${title}`} className="font-medium text-brand-700 hover:underline disabled:opacity-60">
        {pending ? "Publishing…" : "Publish"}
      </button>
      {error ? (
        <span role="alert" className="ml-2 text-xs text-red-600">
          {error}
        </span>
      ) : null}
    </form>
  );
}
