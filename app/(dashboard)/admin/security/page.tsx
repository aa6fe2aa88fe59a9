import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Button } from "@/app/_components/ui/button";
import { EmptyState, PageHeader } from "@/app/_components/ui/card";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { DataTable } from "@/app/_components/ui/table";
import { Alert } from "@/app/_components/ui/alert";
import { can, listSecurityEvents, securityEventType } from "@/lib/domain/auth";
import { utcStamp } from "@/lib/format/utc-stamp";
import { currentCtx, requireSession } from "@/lib/web/current-actor";
import { loadFromCursor } from "@/lib/web/list-cursor";
import { searchParam } from "@/lib/web/search-param";
import { securityEventLabel, securitySentence } from "./security-sentence";

export const metadata: Metadata = { title: "Security log" };

type Search = Record<"type" | "email" | "cursor", string | string[] | undefined>;
type EventType = (typeof securityEventType.enumValues)[number];

function isEventType(value: string | undefined): value is EventType {
  return value !== undefined && (securityEventType.enumValues as readonly string[]).includes(value);
}

export default async function SecurityLogPage({ searchParams }: { searchParams: Promise<Search> }) {
  const session = await requireSession("/admin/security");
  if (!can(session.actor, "security-log:read")) notFound();
  const search = await searchParams;
  const [type, email] = [searchParam(search.type), searchParam(search.email)];
  const typeFilter = isEventType(type) ? type : undefined;
  const ctx = await currentCtx();
  const {
    page: { data, nextCursor },
    notice,
  } = await loadFromCursor(search.cursor, (cursor) =>
    listSecurityEvents({ ctx, input: { type: typeFilter, email: email?.slice(0, 254) || undefined, cursor, limit: 100 } }),
  );
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
      {notice ? <Alert tone="warning">{notice}</Alert> : null}
      <form method="get" className="flex flex-wrap items-end gap-3">
        <SelectField label="Type" name="type" defaultValue={typeFilter ?? ""}>
          <option value="">Any</option>
          {securityEventType.enumValues.map((t) => (
            <option key={t} value={t}>
              {securityEventLabel(t)}
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
        <DataTable columns={["When", "What happened", "From"]} compact>
          {data.map((e) => (
            <tr key={e.id} className="align-top">
              <td data-label="When" className="whitespace-nowrap">{utcStamp(e.createdAt)}</td>
              <td data-label="What happened">
                <span className="font-medium text-slate-900">{securityEventLabel(e.type)}</span>
                <div className="text-slate-700">{securitySentence(e)}</div>
              </td>
              <td data-label="From">{e.ip ? `IP address ${e.ip}` : "Unknown address"}</td>
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
