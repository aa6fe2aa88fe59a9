"use client";

import { useActionState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { SelectField, TextField } from "@/app/_components/ui/field";
import type { ActionState } from "@/lib/web/action";
import { changeMemberRoleAction, inviteMemberAction, removeMemberAction, revokeInvitationAction } from "./actions";

export type RoleOption = { value: string; label: string };

function errorOf(state: ActionState | null): string | undefined {
  return state && !state.ok ? (state.formError ?? Object.values(state.fieldErrors ?? {})[0]) : undefined;
}

/** Invites an address with a role; the invitee gets an email with the link. */
export function InviteForm({ organizationId, roles }: { organizationId: string; roles: RoleOption[] }) {
  const [state, formAction, pending] = useActionState(inviteMemberAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} className="space-y-4">
      {state?.ok ? <Alert tone="success">Invitation sent to {state.data.email}.</Alert> : null}
      {failed?.formError ? <Alert tone="error">{failed.formError}</Alert> : null}
      <input type="hidden" name="organizationId" value={organizationId} />
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <TextField label="Email address" name="email" type="email" required autoComplete="off" defaultValue={failed?.values?.email} error={failed?.fieldErrors?.email} />
        <SelectField label="Role" name="role" defaultValue={failed?.values?.role ?? "manager"} error={failed?.fieldErrors?.role}>
          {roles.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </SelectField>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send invitation"}
      </Button>
    </form>
  );
}

/** An owner's control over one member's role. */
export function MemberRoleForm({ organizationId, userId, role, label, roles }: { organizationId: string; userId: string; role: string; label: string; roles: RoleOption[] }) {
  const [state, formAction, pending] = useActionState(changeMemberRoleAction, null);
  const error = errorOf(state);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="userId" value={userId} />
      <select name="role" defaultValue={state?.ok ? state.data.role : role} aria-label={`Role of ${label}`} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
        {roles.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending} className="rounded-md px-2 py-1 text-sm font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50">
        {pending ? "Saving…" : "Save"}
      </button>
      {state?.ok ? <span role="status" className="text-xs text-emerald-700">Saved</span> : null}
      {error ? <span role="alert" className="text-xs text-red-600">{error}</span> : null}
    </form>
  );
}

/** Removes a member, or lets the caller leave (`self`). */
export function RemoveMemberButton({ organizationId, userId, label, self }: { organizationId: string; userId: string; label: string; self: boolean }) {
  const [state, formAction, pending] = useActionState(removeMemberAction, null);
  const error = errorOf(state);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" disabled={pending} aria-label={self ? "Leave this organization" : `Remove ${label}`} className="rounded-md px-2 py-1 text-sm font-medium text-red-700 ring-1 ring-slate-300 hover:bg-red-50">
        {self ? "Leave" : "Remove"}
      </button>
      {error ? <span role="alert" className="text-xs text-red-600">{error}</span> : null}
    </form>
  );
}

export function RevokeInvitationButton({ organizationId, invitationId, email }: { organizationId: string; invitationId: string; email: string }) {
  const [state, formAction, pending] = useActionState(revokeInvitationAction, null);
  const error = errorOf(state);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="invitationId" value={invitationId} />
      <button type="submit" disabled={pending} aria-label={`Withdraw the invitation to ${email}`} className="rounded-md px-2 py-1 text-sm font-medium text-red-700 ring-1 ring-slate-300 hover:bg-red-50">
        Withdraw
      </button>
      {error ? <span role="alert" className="text-xs text-red-600">{error}</span> : null}
    </form>
  );
}
