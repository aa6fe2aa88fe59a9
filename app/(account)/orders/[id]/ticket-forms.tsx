"use client";

import { useActionState } from "react";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import { renameTicketAction, transferTicketAction } from "../actions";

type TicketRef = { orderId: string; ticketId: string; label: string };

/** Who will use this seat; an empty field clears the name. */
export function RenameTicketForm({ orderId, ticketId, label, attendeeName }: TicketRef & { attendeeName: string | null }) {
  const [state, formAction, pending] = useActionState(renameTicketAction, null);
  const error = state && !state.ok ? (state.fieldErrors?.attendeeName ?? state.formError) : undefined;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" data-testid="rename-ticket">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="ticketId" value={ticketId} />
      <div className="min-w-0 flex-1">
        <TextField
          label={`Attendee name, ${label}`}
          id={`attendee-${ticketId}`}
          name="attendeeName"
          autoComplete="off"
          maxLength={120}
          defaultValue={state && !state.ok ? state.values?.attendeeName : (attendeeName ?? "")}
          error={error}
          hint={state?.ok ? "Name saved." : undefined}
        />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save name"}
      </Button>
    </form>
  );
}

/** Hands the ticket to someone else by email; asks nothing more, the confirmation is the new holder's email. */
export function TransferTicketForm({ orderId, ticketId, label }: TicketRef) {
  const [state, formAction, pending] = useActionState(transferTicketAction, null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <details className="rounded-md border border-slate-200 p-3 text-sm">
      <summary className="cursor-pointer font-medium text-brand-700">Transfer this ticket</summary>
      <form action={formAction} className="mt-3 space-y-3" data-testid="transfer-ticket">
        <input type="hidden" name="orderId" value={orderId} />
        <input type="hidden" name="ticketId" value={ticketId} />
        {state && !state.ok && state.formError ? <p role="alert" className="text-red-600">{state.formError}</p> : null}
        <TextField label={`New holder's email, ${label}`} id={`transfer-email-${ticketId}`} name="email" type="email" autoComplete="off" required error={fieldErrors?.email} />
        <TextField label="Their name (optional)" id={`transfer-name-${ticketId}`} name="attendeeName" autoComplete="off" maxLength={120} error={fieldErrors?.attendeeName} />
        <p className="text-xs text-slate-600">The current code and QR code stop working at once; the new holder gets a new one by email.</p>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Transferring…" : "Transfer ticket"}
        </Button>
      </form>
    </details>
  );
}
