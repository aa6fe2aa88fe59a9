"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import { requestDemoEmailAction } from "./actions";

export function DemoForm() {
  const [state, formAction, pending] = useActionState(requestDemoEmailAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} className="space-y-4">
      <TextField
        label="Email address"
        name="to"
        type="email"
        required
        placeholder="ann@example.com"
        defaultValue={failed?.values?.to ?? (state?.ok ? state.data.to : "")}
        error={failed?.fieldErrors?.to}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send a test message"}
      </Button>
      {failed?.formError ? <Alert tone="error">{failed.formError}</Alert> : null}
      {state?.ok ? (
        <Alert tone="success">
          Sent — check the dev mailbox:{" "}
          <Link href={`/dev/mail?to=${encodeURIComponent(state.data.to)}`} className="font-medium underline">
            mail to {state.data.to}
          </Link>
        </Alert>
      ) : null}
    </form>
  );
}
