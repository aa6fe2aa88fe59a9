"use client";

import { useActionState } from "react";
import type { Role } from "@/lib/domain/context";
import { changeRoleAction } from "./actions";

export function RoleForm({ userId, role, label }: { userId: string; role: Role; label: string }) {
  const [state, formAction, pending] = useActionState(changeRoleAction, null);
  const error = state && !state.ok ? (state.formError ?? Object.values(state.fieldErrors ?? {})[0]) : undefined;
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <select
        name="role"
        defaultValue={state?.ok ? state.data.role : role}
        aria-label={`Role of ${label}`}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        <option value="attendee">attendee</option>
        <option value="organizer">organizer</option>
        <option value="admin">admin</option>
      </select>
      <button type="submit" disabled={pending} className="rounded-md px-2 py-1 text-sm font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50">
        {pending ? "Saving…" : "Save"}
      </button>
      {state?.ok ? <span role="status" className="text-xs text-emerald-700">Saved</span> : null}
      {error ? <span role="alert" className="text-xs text-red-600">{error}</span> : null}
    </form>
  );
}
