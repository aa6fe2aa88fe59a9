"use client";

import { useActionState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { acceptInvitationAction } from "./actions";

export function AcceptInvitationForm({ id, organizationName }: { id: string; organizationName: string }) {
  const [state, formAction, pending] = useActionState(acceptInvitationAction, null);
  return (
    <form action={formAction} className="space-y-4">
      {state && !state.ok && state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      <input type="hidden" name="id" value={id} />
      <Button type="submit" disabled={pending}>
        {pending ? "Joining…" : `Join ${organizationName}`}
      </Button>
    </form>
  );
}
