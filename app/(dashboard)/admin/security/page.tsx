import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Button } from "@/app/_components/ui/button";
import { EmptyState, PageHeader } from "@/app/_components/ui/card";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { DataTable } from "@/app/_components/ui/table";
import { can, listSecurityEvents, securityEventType } from "@/lib/domain/auth";
import { utcStamp } from "@/lib/format/utc-stamp";
import { currentCtx, requireSession } from "@/lib/web/current-actor";

export const metadata: Metadata = { title: "Security log" };

type Search = { type?: string; email?: string; cursor?: string };
type EventType = (typeof securityEventType.enumValues)[number];

function isEventType(value: string | undefined): value is EventType {
  return value !== undefined && (securityEventType.enumValues as readonly string[]).includes(value);
}

export default async function SecurityLogPage({ searchParams }: { searchParams: Promise<Search> }) {
  const session = await requireSession("/admin/security");
  if (!can(session.actor, "security-log:read")) notFound();
  const { type, email, cursor } = await searchParams;
  const typeFilter = isEventType(type) ? type : undefined;
  const ctx = await currentCtx();
  const { data, nextCursor } = await listSecurityEvents({
    ctx,
    input: { type: typeFilter, email: email || undefined, cursor: cursor || undefined, limit: 100 },
  });
  const nextHref = nextCursor
    ? `/admin/security?${new URLSearchParams({ ...(typeFilter ? { type: typeFilter } : {}), ...(email ? { email } : {}), cursor: nextCursor })}`
    : null;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Security log"
        description="Sign-ins, failures, refresh-token reuse, revoked sessions and role changes, newest first (UTC)."
        actions={
          <Link href="/admin/users" className="text-sm text-brand-700 underline">
            Users
          </Link>
        }
      />
      <form method="get" className="flex flex-wrap items-end gap-3">
        <SelectField label="Type" name="type" defaultValue={typeFilter ?? ""}>
          <option value="">Any</option>
          {securityEventType.enumValues.map((t) => (
            <option key={t} value={t}>
              {t.replaceAll("_", " ")}
            </option>
          ))}
        </SelectField>
        <div className="min-w-64 flex-1">
          <TextField label="Email" name="email" type="email" defaultValue={email ?? ""} />
        </div>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      {data.length === 0 ? (
        <EmptyState title="Nothing logged yet" />
      ) : (
        <DataTable columns={["When", "Event", "Account", "IP", "Request", "Details"]} compact>
          {data.map((e) => (
            <tr key={e.id} className="align-top">
              <td className="whitespace-nowrap">{utcStamp(e.createdAt)}</td>
              <td>{e.type.replaceAll("_", " ")}</td>
              <td>{e.email ?? e.userId ?? "—"}</td>
              <td>{e.ip || "—"}</td>
              <td className="font-mono text-xs">{e.requestId}</td>
              <td className="font-mono text-xs">{Object.keys(e.details).length ? JSON.stringify(e.details) : ""}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {nextHref ? (
        <Link href={nextHref} className="text-sm text-brand-700 underline">
          Older events →
        </Link>
      ) : null}
    </div>
  );
}
