"use client";

import { useActionState } from "react";
import { Button } from "@/app/_components/ui/button";
import { changeWaitlistPriorityAction } from "@/app/_components/booking/actions";

/** Inline priority editor for one waiting entry: higher is served first. */
export function PriorityForm({ entryId, eventId, priority }: { entryId: string; eventId: string; priority: number }) {
  const [state, formAction, pending] = useActionState(changeWaitlistPriorityAction, null);
  const error = state && !state.ok ? (state.fieldErrors?.priority ?? state.formError) : undefined;
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="entryId" value={entryId} />
      <input type="hidden" name="eventId" value={eventId} />
      <label className="sr-only" htmlFor={`priority-${entryId}`}>
        Priority
      </label>
      <input
        id={`priority-${entryId}`}
        name="priority"
        type="number"
        step={1}
        defaultValue={priority}
        aria-invalid={error ? true : undefined}
        className="w-20 rounded-md border border-slate-300 px-2 py-1 text-sm"
      />
      <Button type="submit" variant="secondary" disabled={pending} className="px-3 py-1">
        {pending ? "Saving…" : "Save"}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-600">
          {error}
        </span>
      ) : null}
    </form>
  );
}
