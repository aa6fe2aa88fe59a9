"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/app/_components/ui/field";
import { createEventAction, updateEventAction } from "../actions";
import type { EventFormValues } from "./event-form-values";

type Choices = { categories: readonly string[]; timeZones: readonly string[]; currencies: readonly { code: string; name: string }[] };

type Props =
  | ({ mode: "create"; initial: EventFormValues } & Choices)
  | ({ mode: "edit"; initial: EventFormValues; id: string; version: number } & Choices);

/** Create and edit share one form; an edit carries the version it was loaded at, so a stale save is refused. */
export function EventForm(props: Props) {
  const [state, formAction, pending] = useActionState(props.mode === "create" ? createEventAction : updateEventAction, null);
  const failed = state && !state.ok ? state : undefined;
  const errors = failed?.fieldErrors ?? {};
  const value = (name: keyof EventFormValues) => failed?.values?.[name] ?? props.initial[name];
  const conflict = failed?.code === "VERSION_CONFLICT";

  return (
    <form action={formAction} className="space-y-5" noValidate>
      {conflict && props.mode === "edit" ? (
        <Alert tone="warning">
          <p className="font-medium">Someone changed this event since you opened it.</p>
          <p className="mt-1">
            Your edits were not saved, so nothing of theirs was overwritten.{" "}
            <a href={`/dashboard/events/${props.id}/edit`} className="font-medium underline">
              Reload the latest version
            </a>{" "}
            and apply your changes again (what you typed is still below to copy from).
          </p>
        </Alert>
      ) : failed?.formError ? (
        <Alert tone="error">{failed.formError}</Alert>
      ) : null}
      {Object.keys(errors).length > 0 ? <Alert tone="error">Please fix the highlighted fields.</Alert> : null}

      {props.mode === "edit" ? (
        <>
          <input type="hidden" name="id" value={props.id} />
          <input type="hidden" name="version" value={props.version} />
        </>
      ) : null}

      {/* No maxLength: the browser would cut a pasted title silently; the server names the limit instead. */}
      <TextField label="Title" name="title" required minLength={3} defaultValue={value("title")} error={errors.title} hint="200 characters at most." />
      <TextAreaField
        label="Description"
        name="description"
        rows={5}
        maxLength={5000}
        defaultValue={value("description")}
        error={errors.description}
        hint="Markdown: **bold**, *italic*, [links](https://example.com), lists and headings."
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          label="Online link"
          name="onlineUrl"
          type="url"
          inputMode="url"
          defaultValue={value("onlineUrl")}
          error={errors.onlineUrl}
          hint="For an online event: an https:// link, shown only to ticket holders. Leave empty for an in-person event."
        />
        <div className="hidden sm:block" aria-hidden="true" />
        <TextField label="Venue" name="venue" required maxLength={200} defaultValue={value("venue")} error={errors.venue} />
        <TextField
          label="Category"
          name="category"
          required
          list="event-categories"
          maxLength={40}
          defaultValue={value("category")}
          error={errors.category}
          hint="Pick one or type your own."
        />
        <datalist id="event-categories">
          {props.categories.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <TextField
          label="Time zone"
          name="timezone"
          required
          list="event-time-zones"
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          defaultValue={value("timezone")}
          error={errors.timezone}
          hint="Where the event happens; type to search, e.g. Lisbon or New York. The times below are in this zone."
        />
        {/* The server's list, passed in, so the browser's own Intl data cannot make the two renders differ. */}
        <datalist id="event-time-zones">
          {props.timeZones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <div className="hidden sm:block" aria-hidden="true" />
        <TextField label="Starts (local time)" name="startsAt" type="datetime-local" required defaultValue={value("startsAt")} error={errors.startsAt} />
        <TextField label="Ends (local time)" name="endsAt" type="datetime-local" required defaultValue={value("endsAt")} error={errors.endsAt} />
        <TextField label="Capacity" name="capacity" type="number" inputMode="numeric" min={1} max={1_000_000} required defaultValue={value("capacity")} error={errors.capacity} />
        <TextField
          label="Seats per person"
          name="perUserLimit"
          type="number"
          inputMode="numeric"
          min={1}
          max={10}
          required
          defaultValue={value("perUserLimit")}
          error={errors.perUserLimit}
        />
        <TextField
          label="Price per seat"
          name="price"
          inputMode="decimal"
          required
          defaultValue={value("price")}
          error={errors.price}
          hint="0 for a free event. With more than one kind of ticket, set each price on the Tickets page."
        />
        <SelectField label="Currency" name="currency" required defaultValue={value("currency")} error={errors.currency}>
          {/* The server's names, passed in like the zones, so the browser's Intl cannot make the renders differ. */}
          {props.currencies.map(({ code, name }) => (
            <option key={code} value={code}>
              {code} — {name}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Minutes to pay"
          name="holdMinutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={60}
          required
          defaultValue={value("holdMinutes")}
          error={errors.holdMinutes}
          hint="How long tickets stay reserved for a buyer who has not paid yet (1 to 60)."
        />
        <TextField
          label="Refunds on request until (hours before the start)"
          name="refundHoursBeforeStart"
          type="number"
          inputMode="numeric"
          min={0}
          max={8760}
          defaultValue={value("refundHoursBeforeStart")}
          error={errors.refundHoursBeforeStart}
          hint="Buyers can cancel a paid order for a full refund until this many hours before the start, e.g. 48. Leave empty to offer no refunds on request; you can still refund any order yourself."
        />
        <TextField
          label="Attendee names editable until"
          name="nameChangeDeadline"
          type="datetime-local"
          defaultValue={value("nameChangeDeadline")}
          error={errors.nameChangeDeadline}
          hint="In the event's time zone. Empty: until the event starts."
        />
        <div className="flex items-start gap-2 pt-6">
          <input
            id="transfersAllowed"
            name="transfersAllowed"
            type="checkbox"
            defaultChecked={value("transfersAllowed") === "on"}
            className="mt-1 h-4 w-4 rounded border-slate-300"
            aria-describedby="transfersAllowed-hint"
          />
          <div>
            <label htmlFor="transfersAllowed" className="text-sm font-medium text-slate-700">
              Ticket holders may transfer tickets
            </label>
            <p id="transfersAllowed-hint" className="text-xs text-slate-500">
              A transferred ticket gets a new code; the old one stops working.
            </p>
          </div>
        </div>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : props.mode === "create" ? "Save draft" : "Save changes"}
        </Button>
        <Link href="/dashboard/events" className="text-sm text-slate-600 underline">
          Back to my events
        </Link>
      </div>
    </form>
  );
}
