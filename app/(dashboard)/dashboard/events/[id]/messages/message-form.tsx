"use client";

import { useActionState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/app/_components/ui/field";
import { messageAttendeesAction } from "./actions";

type Props = { eventId: string; eventTitle: string; ticketTypes: { id: string; name: string }[] };

/** Write, preview (what attendees will read, and how many orders it reaches), then send. */
export function MessageForm({ eventId, eventTitle, ticketTypes }: Props) {
  const [state, formAction, pending] = useActionState(messageAttendeesAction, null);
  const failed = state && !state.ok ? state : null;
  const preview = state?.ok && !state.data.sent ? state.data : null;
  const value = (name: "audience" | "subject" | "body") => failed?.values?.[name] ?? (preview ? preview[name] : "");
  return (
    <form action={formAction} className="space-y-4" data-testid="message-form">
      <input type="hidden" name="eventId" value={eventId} />
      {failed?.formError ? <Alert tone="error">{failed.formError}</Alert> : null}
      {state?.ok && state.data.sent ? <Alert tone="success">Your message is on its way. It appears below once sent.</Alert> : null}
      <SelectField label="To" name="audience" defaultValue={value("audience") || "all"} error={failed?.fieldErrors?.ticketTypeId}>
        <option value="all">Every ticket holder</option>
        {ticketTypes.map((t) => (
          <option key={t.id} value={t.id}>
            Holders of {t.name}
          </option>
        ))}
      </SelectField>
      <TextField label="Subject" name="subject" required maxLength={150} defaultValue={value("subject")} error={failed?.fieldErrors?.subject} />
      <TextAreaField label="Message" name="body" required rows={6} maxLength={5000} defaultValue={value("body")} error={failed?.fieldErrors?.body} hint="Plain text; a blank line starts a new paragraph." />
      {preview ? (
        <section aria-labelledby="message-preview" className="space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-4" data-testid="message-preview">
          <h3 id="message-preview" className="text-sm font-semibold text-slate-900">
            Preview: {preview.subject} ({eventTitle})
          </h3>
          {preview.body.split(/\n\s*\n/).map((p, i) => (
            <p key={i} className="whitespace-pre-line text-sm text-slate-800">
              {p}
            </p>
          ))}
          <p className="text-sm text-slate-600" data-testid="message-recipients">
            Goes to the holders of {preview.recipients} {preview.recipients === 1 ? "order" : "orders"}.
          </p>
        </section>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="intent" value="preview" variant="secondary" disabled={pending}>
          Preview
        </Button>
        {preview ? (
          <Button type="submit" name="intent" value="send" disabled={pending || preview.recipients === 0}>
            {pending ? "Sending…" : "Send message"}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
