"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { TextAreaField } from "@/app/_components/ui/field";
import { cancelEventAction } from "../actions";

export function CancelForm({ id }: { id: string }) {
  const [state, formAction, pending] = useActionState(cancelEventAction, null);
  return (
    <form action={formAction} className="space-y-4">
      {state && !state.ok && state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      <input type="hidden" name="id" value={id} />
      <TextAreaField
        label="Reason for cancelling"
        name="reason"
        required
        minLength={3}
        maxLength={1000}
        rows={3}
        defaultValue={state && !state.ok ? String(state.values?.reason ?? "") : undefined}
        error={state && !state.ok ? state.fieldErrors?.reason : undefined}
        hint="Every attendee's cancellation email quotes it."
      />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Cancelling…" : "Yes, cancel this event"}
        </Button>
        <Link href="/dashboard/events" className="text-sm text-slate-600 underline">
          No, keep it
        </Link>
      </div>
    </form>
  );
}
