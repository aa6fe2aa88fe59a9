import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Button } from "@/app/_components/ui/button";
import { EmptyState, PageHeader } from "@/app/_components/ui/card";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { DataTable } from "@/app/_components/ui/table";
import { Alert } from "@/app/_components/ui/alert";
import { can, listUsers } from "@/lib/domain/auth";
import { currentCtx, requireSession } from "@/lib/web/current-actor";
import { loadFromCursor } from "@/lib/web/list-cursor";
import { searchParam } from "@/lib/web/search-param";
import { RoleForm } from "./role-form";

export const metadata: Metadata = { title: "Users" };

type Search = Record<"q" | "role" | "cursor", string | string[] | undefined>;

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const session = await requireSession("/admin/users");
  if (!can(session.actor, "user:manage")) notFound();
  const search = await searchParams;
  const [q, role] = [searchParam(search.q), searchParam(search.role)];
  const roleFilter = role === "attendee" || role === "organizer" || role === "admin" ? role : undefined;
  const ctx = await currentCtx();
  const {
    page: { data, nextCursor },
    notice,
  } = await loadFromCursor(search.cursor, (cursor) => listUsers({ ctx, input: { q: q?.slice(0, 200) || undefined, role: roleFilter, cursor, limit: 50 } }));
  const nextHref = nextCursor ? `/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), ...(roleFilter ? { role: roleFilter } : {}), cursor: nextCursor })}` : null;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Users"
        description="Every account, newest first. A role change applies on the user's next request."
        actions={
          <Link href="/admin/security" className="text-sm text-brand-700 underline">
            Security log
          </Link>
        }
      />
      {notice ? <Alert tone="warning">{notice}</Alert> : null}
      <form method="get" className="flex flex-wrap items-end gap-3" role="search">
        <div className="min-w-64 flex-1">
          <TextField label="Search" name="q" defaultValue={q ?? ""} placeholder="Email or name" />
        </div>
        <SelectField label="Role" name="role" defaultValue={roleFilter ?? ""}>
          <option value="">Any</option>
          <option value="attendee">Attendee</option>
          <option value="organizer">Organizer</option>
          <option value="admin">Admin</option>
        </SelectField>
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      {data.length === 0 ? (
        <EmptyState title="No users match" />
      ) : (
        <DataTable columns={["Name", "Email", "Verified", "Joined", "Role"]} compact>
          {data.map((u) => (
            <tr key={u.id}>
              <td data-label="Name">{u.name}</td>
              <td data-label="Email">{u.email}</td>
              <td data-label="Verified">{u.emailVerified ? "Yes" : "No"}</td>
              <td data-label="Joined" className="whitespace-nowrap">{u.createdAt.toISOString().slice(0, 10)}</td>
              <td data-label="Role">
                <RoleForm userId={u.id} role={u.role} label={u.email} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {nextHref ? (
        <Link href={nextHref} className="text-sm text-brand-700 underline">
          Next page →
        </Link>
      ) : null}
    </div>
  );
}
