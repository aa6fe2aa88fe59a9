import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { EmptyState, PageHeader } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { getDb } from "@/lib/db/client";
import { utcStamp } from "@/lib/format/utc-stamp";
import { mayReadDevMailbox } from "@/lib/mail/dev-mailbox-access";
import { listMailbox } from "@/lib/mail/list-mailbox";
import { currentActor } from "@/lib/web/current-actor";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false } };
export const dynamic = "force-dynamic";

/** Mail that was stored instead of delivered (no SMTP_URL), for whoever may read it (lib/mail/dev-mailbox-access.ts). */
export default async function DevMailboxPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  if (!mayReadDevMailbox(await currentActor())) notFound();
  const { to } = await searchParams;
  const messages = await listMailbox(getDb(), { to: to || undefined, limit: 50 });
  return (
    <div className="space-y-6">
      <PageHeader title="Dev mailbox" description="Emails are stored here because no SMTP_URL is configured." />
      <Alert tone="warning">
        Mail is not delivered in this mode. Anyone may read this page only while the server listens on loopback alone (or DEV_MAILBOX=open); otherwise
        only admins can.
      </Alert>
      <form className="flex items-end gap-2" method="get">
        <div className="flex-1">
          <TextField label="Recipient" name="to" type="email" defaultValue={to ?? ""} placeholder="ann@example.com" />
        </div>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      {messages.length === 0 ? (
        <EmptyState title="No mail yet">Messages appear here a moment after the action that sends them.</EmptyState>
      ) : (
        <ul className="space-y-4">
          {messages.map((m, i) => (
            <li key={i} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap justify-between gap-2 text-sm">
                <span className="font-semibold">{m.subject}</span>
                <time dateTime={m.createdAt.toISOString()} className="text-slate-500">
                  {utcStamp(m.createdAt)} UTC
                </time>
              </div>
              <p className="text-xs text-slate-500">to {m.to}</p>
              <details className="mt-2">
                <summary className="cursor-pointer text-sm text-brand-700">Show message</summary>
                <pre className="mt-2 whitespace-pre-wrap text-sm text-slate-800">{m.text}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
