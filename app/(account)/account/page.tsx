import type { Metadata } from "next";
import { TokenSummary } from "@/app/_components/api-tokens/token-summary";
import { Alert } from "@/app/_components/ui/alert";
import { Button, buttonClass } from "@/app/_components/ui/button";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { API_SCOPE_LABELS, API_SCOPES, getCurrentUser, listApiTokens, listSessions, PASSWORD_MIN_LENGTH, UNVERIFIED_ACCOUNT_DAYS } from "@/lib/domain/auth";
import { utcStamp } from "@/lib/format/utc-stamp";
import { currentCtx, requireSession } from "@/lib/web/current-actor";
import { revokeSessionAction, signOutAction } from "./actions";
import { revokeApiTokenAction } from "./api-token-actions";
import { CreateApiTokenForm } from "./api-token-form";
import { describeUserAgent } from "./describe-user-agent";
import { ChangeEmailForm, ChangePasswordForm, RenameForm } from "./profile-forms";

export const metadata: Metadata = { title: "Your account" };

function when(date: Date): string {
  return `${utcStamp(date, "minute")} UTC`;
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ verified?: string | string[] }> }) {
  await requireSession("/account");
  const { verified } = await searchParams;
  const ctx = await currentCtx();
  const [{ user }, { data: sessions }, { data: tokens }] = await Promise.all([getCurrentUser({ ctx }), listSessions({ ctx }), listApiTokens({ ctx })]);
  const now = new Date();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Your account"
        actions={
          <form action={signOutAction}>
            <Button type="submit" variant="secondary">
              Sign out
            </Button>
          </form>
        }
      />
      {verified && user.emailVerified ? <Alert tone="success">Your email address is confirmed and you are signed in.</Alert> : null}
      {!user.emailVerified ? (
        <Alert tone="warning">
          Your email address is not confirmed yet, so you cannot book, create or publish events.{" "}
          <a className="underline" href={`/verify?email=${encodeURIComponent(user.email)}`}>
            Confirm it
          </a>
          ; unconfirmed accounts are deleted {UNVERIFIED_ACCOUNT_DAYS} days after sign-up.
        </Alert>
      ) : null}
      <Card title="Profile">
        <dl className="grid grid-cols-[8rem_minmax(0,1fr)] gap-y-2 text-sm [overflow-wrap:anywhere]">
          <dt className="text-slate-500">Name</dt>
          <dd>{user.name}</dd>
          <dt className="text-slate-500">Email</dt>
          <dd>
            {user.email} {user.emailVerified ? <span className="ml-1 rounded bg-emerald-50 px-1.5 py-0.5 text-xs text-emerald-800">confirmed</span> : null}
          </dd>
          <dt className="text-slate-500">Role</dt>
          <dd className="capitalize">{user.role}</dd>
          <dt className="text-slate-500">Member since</dt>
          <dd>{when(user.createdAt)}</dd>
        </dl>
      </Card>
      <div className="grid gap-6 md:grid-cols-3">
        <Card title="Name">
          <RenameForm name={user.name} />
        </Card>
        <Card title="Password">
          <ChangePasswordForm minLength={PASSWORD_MIN_LENGTH} />
        </Card>
        <Card title="Email address">
          <ChangeEmailForm />
        </Card>
      </div>
      <Card title="Your data">
        <div className="flex flex-wrap items-center gap-4">
          <a
            href="/account/export"
            download
            className={buttonClass("secondary")}
          >
            Download my data
          </a>
          <a href="/account/delete" className="text-sm text-red-700 underline">
            Delete my account
          </a>
        </div>
        <p className="mt-3 text-sm text-slate-600">One JSON file with your account, sessions, bookings, waitlist places and security log.</p>
      </Card>
      <Card title="Where you are signed in">
        <p className="mb-4 text-sm text-slate-600">
          Browser sign-ins and API tokens alike. Revoke anything you do not recognise: it stops working on its next request.
        </p>
        <ul className="divide-y divide-slate-200" aria-label="Sessions">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-4 py-3" data-testid="session" data-current={s.current}>
              <div className="text-sm">
                <p className="font-medium">
                  {describeUserAgent(s.userAgent)} <span className="text-slate-500">· {s.kind === "web" ? "browser" : "API"}</span>
                  {s.current ? <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-700">This device</span> : null}
                </p>
                <p className="text-slate-500">
                  {s.ip || "unknown address"} · signed in {when(s.createdAt)} · last active {when(s.lastSeenAt)}
                </p>
              </div>
              <form action={revokeSessionAction}>
                <input type="hidden" name="sessionId" value={s.id} />
                <Button type="submit" variant="danger" aria-label={`${s.current ? "Sign out here" : "Revoke"}: ${describeUserAgent(s.userAgent)} from ${s.ip || "an unknown address"}`}>
                  {s.current ? "Sign out here" : "Revoke"}
                </Button>
              </form>
            </li>
          ))}
        </ul>
      </Card>
      <Card title="API tokens">
        <p className="mb-4 text-sm text-slate-600">
          Let another program (a spreadsheet, a newsletter tool) use Evently as you, limited to what you allow. See the{" "}
          <a className="underline" href="/api/docs/guide">
            API guide
          </a>
          .
        </p>
        <div className="grid gap-6 md:grid-cols-2">
          <CreateApiTokenForm scopes={API_SCOPES.map((value) => ({ value, label: API_SCOPE_LABELS[value] }))} />
          {tokens.length === 0 ? (
            <p className="text-sm text-slate-500">You have no API tokens.</p>
          ) : (
            <ul className="divide-y divide-slate-200" aria-label="API tokens">
              {tokens.map((t) => (
                <li key={t.id} className="flex flex-wrap items-center justify-between gap-4 py-3" data-testid="api-token">
                  <TokenSummary token={t} now={now} />
                  <form action={revokeApiTokenAction}>
                    <input type="hidden" name="tokenId" value={t.id} />
                    <Button type="submit" variant="danger" aria-label={`Revoke the token ${t.name}`}>
                      Revoke
                    </Button>
                  </form>
                </li>
              ))}
            </ul>
          )}
        </div>
      </Card>
    </div>
  );
}
