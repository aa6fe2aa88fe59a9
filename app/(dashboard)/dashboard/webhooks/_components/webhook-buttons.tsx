"use client";

import { useActionState } from "react";
import { Button } from "@/app/_components/ui/button";
import { deleteWebhookAction, redeliverWebhookAction, sendTestWebhookAction } from "../actions";

function Feedback({ state }: { state: { ok: boolean; formError?: string; data?: unknown } | null }) {
  if (!state) return null;
  if (!state.ok) return <span role="alert" className="text-xs text-red-600">{state.formError ?? "That did not work. Please try again."}</span>;
  const message = (state.data as { message?: string } | undefined)?.message;
  return message ? <span role="status" className="text-xs text-slate-600">{message}</span> : null;
}

export function SendTestButton({ id }: { id: string }) {
  const [state, formAction, pending] = useActionState(sendTestWebhookAction, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Sending…" : "Send a test message"}
      </Button>
      <Feedback state={state} />
    </form>
  );
}

export function DeleteWebhookButton({ id }: { id: string }) {
  const [state, formAction, pending] = useActionState(deleteWebhookAction, null);
  return (
    <form
      action={formAction}
      className="flex flex-wrap items-center gap-2"
      onSubmit={(e) => {
        if (!window.confirm("Delete this webhook and its delivery history? Nothing more will be sent to it.")) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? "Deleting…" : "Delete webhook"}
      </Button>
      <Feedback state={state} />
    </form>
  );
}

export function RedeliverButton({ id, deliveryId, label }: { id: string; deliveryId: string; label: string }) {
  const [state, formAction, pending] = useActionState(redeliverWebhookAction, null);
  return (
    <form action={formAction} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <button type="submit" disabled={pending} aria-label={label} className="font-medium text-brand-700 hover:underline disabled:opacity-60">
        {pending ? "Queuing…" : "Send again"}
      </button>
      <Feedback state={state} />
    </form>
  );
}
