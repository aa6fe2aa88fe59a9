import type { ReactNode } from "react";
import { can } from "@/lib/domain/auth";
import { currentActor } from "@/lib/web/current-actor";
import { NavLink } from "./_components/nav-link";

/**
 * Organizer and admin pages share this sidebar. It only decides which links to show; every
 * page checks the actor's rights itself (a layout is not re-run on client navigation).
 */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  const admin = actor.type === "user" && actor.role === "admin";
  return (
    <div className="grid gap-6 md:grid-cols-[12rem_1fr] md:gap-8">
      <nav aria-label="Dashboard" className="flex flex-wrap gap-x-6 gap-y-2 md:sticky md:top-6 md:block md:space-y-6 md:self-start">
        <div className="flex flex-wrap gap-1 md:block md:space-y-1">
          <NavLink href="/dashboard/events">Events</NavLink>
          {actor.type === "user" && (actor.memberships?.length ?? 0) > 0 ? <NavLink href="/dashboard/organization">Organization</NavLink> : null}
          {can(actor, "webhook:manage") ? <NavLink href="/dashboard/webhooks">Webhooks</NavLink> : null}
          {can(actor, "analytics:read") ? (
            <NavLink href="/dashboard" exact>
              Analytics
            </NavLink>
          ) : null}
        </div>
        {admin ? (
          <div className="flex flex-wrap items-center gap-1 md:block md:space-y-1">
            <p className="px-3 text-xs font-semibold uppercase tracking-wide text-slate-500">Admin</p>
            <NavLink href="/admin/users">Users</NavLink>
            <NavLink href="/admin/payments">Payments</NavLink>
            <NavLink href="/admin/jobs">Jobs</NavLink>
            <NavLink href="/admin/security">Security</NavLink>
            <NavLink href="/admin/system">System</NavLink>
          </div>
        ) : null}
      </nav>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
