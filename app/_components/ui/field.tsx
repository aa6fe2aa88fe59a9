import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

const CONTROL =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 aria-[invalid=true]:border-red-500";

/** `id` defaults to `name`; give one when the same form appears more than once on a page. */
type FieldProps = { label: string; name: string; id?: string; error?: string; hint?: ReactNode };

function FieldShell({ label, id, error, hint, children }: Omit<FieldProps, "name"> & { id: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint && !error ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** What ties a control to its label and its error message (aria-invalid + aria-describedby). */
function controlProps(name: string, id: string, error: string | undefined) {
  return {
    id,
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : undefined,
    className: CONTROL,
  };
}

/** A labelled input wired for accessible error messages (aria-invalid + aria-describedby). */
export function TextField({ label, name, id = name, error, hint, ...props }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell label={label} id={id} error={error} hint={hint}>
      <input {...controlProps(name, id, error)} {...props} />
    </FieldShell>
  );
}

/** The 6-digit code a message carried: numeric keypad, one-time-code autofill from the message. */
export function CodeField({ error, hint, defaultValue }: { error?: string; hint: string; defaultValue?: string }) {
  return (
    <TextField
      label="Code"
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]{6}"
      maxLength={6}
      required
      defaultValue={defaultValue}
      error={error}
      hint={hint}
    />
  );
}

export function TextAreaField({ label, name, id = name, error, hint, ...props }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell label={label} id={id} error={error} hint={hint}>
      <textarea {...controlProps(name, id, error)} {...props} />
    </FieldShell>
  );
}

export function SelectField({
  label,
  name,
  id = name,
  error,
  hint,
  children,
  ...props
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldShell label={label} id={id} error={error} hint={hint}>
      {/* React resets a form after its action to each control's default; a select keeps the
          default it was mounted with, so a new echoed default remounts it (inputs follow by themselves). */}
      <select key={String(props.defaultValue ?? "")} {...controlProps(name, id, error)} {...props}>
        {children}
      </select>
    </FieldShell>
  );
}
