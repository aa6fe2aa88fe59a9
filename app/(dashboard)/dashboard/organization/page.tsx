import type { Metadata } from "next";
import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/app/_components/ui/card";
import { DataTable, RowActions } from "@/app/_components/ui/table";
import { can } from "@/lib/domain/auth";
import { getOrganization, listMyOrganizations, MEMBER_ROLE_LABELS, MEMBER_ROLES } from "@/lib/domain/organizations";
import { currentCtx, requireSession } from "@/lib/web/current-actor";
import { InviteForm, MemberRoleForm, RemoveMemberButton, RevokeInvitationButton } from "./member-forms";
import { OrganizationTokensCard } from "./organization-tokens-card";

export const metadata: Metadata = { title: "Organization" };

const ROLE_OPTIONS = MEMBER_ROLES.map((value) => ({ value, label: MEMBER_ROLE_LABELS[value] }));

const CHANGE_WORDS: Record<string, string> = {
  founded: "founded the organization",
  invited: "invited",
  invitation_revoked: "withdrew the invitation to",
  joined: "joined",
  role_changed: "changed the role of",
  removed: "removed",
  token_created: "created the API token",
  token_revoked: "revoked the API token",
};

const when = (at: Date) => at.toISOString().slice(0, 16).replace("T", " ") + " UTC";

/** The organization's members, roles and invitations; `?org=` switches between the caller's organizations. */
export default async function OrganizationPage({ searchParams }: { searchParams: Promise<{ org?: string | string[] }> }) {
  const { user } = await requireSession("/dashboard/organization");
  const ctx = await currentCtx();
  const mine = await listMyOrganizations({ ctx });
  if (mine.length === 0) {
    return (
      <>
        <PageHeader title="Organization" />
        <EmptyState title="You are not in an organization">Organizers get one of their own; others join one through an invitation.</EmptyState>
      </>
    );
  }
  const { org } = await searchParams;
  const chosen = mine.find((o) => o.id === org) ?? mine[0]!;
  const organization = await getOrganization({ ctx, input: { organizationId: chosen.id } });
  const names = new Map(organization.members.map((m) => [m.userId, m.name || m.email]));

  return (
    <>
      <PageHeader title={organization.name} description={`You are ${MEMBER_ROLE_LABELS[chosen.role].toLowerCase()} here.`} />
      <div className="space-y-6">
        {mine.length > 1 ? (
          <nav aria-label="Your organizations" className="flex flex-wrap gap-2">
            {mine.map((o) => (
              <Link
                key={o.id}
                href={`/dashboard/organization?org=${o.id}`}
                aria-current={o.id === chosen.id ? "page" : undefined}
                className={`rounded-md px-3 py-1 text-sm ring-1 ring-slate-300 ${o.id === chosen.id ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-50"}`}
              >
                {o.name}
              </Link>
            ))}
          </nav>
        ) : null}
        <Card title="Members">
          <DataTable columns={["Name", "Email", "Role", { label: "Actions", hidden: true }]} testId="members">
            {organization.members.map((m) => (
              <tr key={m.userId}>
                <td data-label="Name">{m.name || "—"}</td>
                <td data-label="Email" className="break-all">
                  {m.email}
                </td>
                <td data-label="Role">
                  {organization.manages ? (
                    <MemberRoleForm organizationId={organization.id} userId={m.userId} role={m.role} label={m.name || m.email} roles={ROLE_OPTIONS} />
                  ) : (
                    MEMBER_ROLE_LABELS[m.role]
                  )}
                </td>
                <td data-label="Actions">
                  {organization.manages || m.userId === user.id ? (
                    <RowActions>
                      <RemoveMemberButton organizationId={organization.id} userId={m.userId} label={m.name || m.email} self={m.userId === user.id} />
                    </RowActions>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
        </Card>
        {organization.manages ? (
          <>
            <Card title="Invite someone">
              <InviteForm organizationId={organization.id} roles={ROLE_OPTIONS} />
              <p className="mt-4 text-sm text-slate-600">
                Managers run events, orders, refunds and analytics; check-in staff only scan tickets; finance sees orders, refunds, analytics and exports.
                Invitations are valid for 7 days.
              </p>
            </Card>
            <Card title="Open invitations">
              {organization.invitations.length === 0 ? (
                <p className="text-sm text-slate-600">No open invitations.</p>
              ) : (
                <DataTable columns={["Email", "Role", "Valid until", { label: "Actions", hidden: true }]} testId="invitations">
                  {organization.invitations.map((i) => (
                    <tr key={i.id}>
                      <td data-label="Email" className="break-all">
                        {i.email}
                      </td>
                      <td data-label="Role">{MEMBER_ROLE_LABELS[i.role]}</td>
                      <td data-label="Valid until">{when(i.expiresAt)}</td>
                      <td data-label="Actions">
                        <RowActions>
                          <RevokeInvitationButton organizationId={organization.id} invitationId={i.id} email={i.email} />
                        </RowActions>
                      </td>
                    </tr>
                  ))}
                </DataTable>
              )}
            </Card>
            {can(ctx.actor, "organization-token:manage", { organizationId: organization.id }) ? (
              <OrganizationTokensCard ctx={ctx} organizationId={organization.id} names={names} />
            ) : null}
            <Card title="Membership and token changes">
              <ul className="space-y-1 text-sm text-slate-700">
                {organization.log.map((l, index) => (
                  <li key={index}>
                    <span className="text-slate-500">{when(l.at)}</span> · {l.actorId ? (names.get(l.actorId) ?? "A former member") : "Evently"} {CHANGE_WORDS[l.change]}{" "}
                    {l.subjectTokenName !== null
                      ? `“${l.subjectTokenName}”`
                      : l.change === "founded"
                        ? ""
                        : (l.subjectEmail ?? (l.subjectUserId ? (names.get(l.subjectUserId) ?? "a former member") : ""))}
                    {l.role && l.change !== "founded" ? ` as ${MEMBER_ROLE_LABELS[l.role].toLowerCase()}` : ""}
                  </li>
                ))}
              </ul>
            </Card>
          </>
        ) : null}
      </div>
    </>
  );
}
