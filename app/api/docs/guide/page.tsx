import type { Metadata } from "next";
import type { ReactNode } from "react";
import { allContracts } from "@/app/api/v1/_contracts";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { ACCESS_TOKEN_TTL_SECONDS, API_SCOPE_LABELS, API_SCOPES, API_TOKEN_PREFIX, ORGANIZATION_TOKEN_PREFIX } from "@/lib/domain/auth";

export const metadata: Metadata = { title: "API guide" };

/** Operations per scope, read from the same contracts the wrapper enforces, so this table cannot drift. */
function operationsByScope(): Map<string, string[]> {
  const byScope = new Map<string, string[]>(API_SCOPES.map((s) => [s, []]));
  for (const c of allContracts) if (c.tokenScope) byScope.get(c.tokenScope)!.push(`${c.method} ${c.path}`);
  return byScope;
}

const ERRORS: [string, string][] = [
  ["400 MALFORMED_JSON, JSON_TOO_COMPLEX, INVALID_CURSOR", "The request could not be read; fix it, do not retry as is."],
  ["401 UNAUTHENTICATED, INVALID_TOKEN", "No token, or an expired, revoked or unknown one. Refresh an access token; replace a dead API token."],
  ["403 FORBIDDEN, INSUFFICIENT_SCOPE, EMAIL_NOT_VERIFIED", "Authenticated but not allowed: another person's resource, a token without the route's scope, or an unverified account."],
  ["404 …_NOT_FOUND", "Missing, or not yours to see (we do not reveal which)."],
  ["405 METHOD_NOT_ALLOWED", "The path exists; `Allow` lists its methods."],
  ["409 e.g. SOLD_OUT, VERSION_CONFLICT, INVALID_STATE", "The resource's state forbids it now. Re-read the resource before deciding to retry."],
  ["413 PAYLOAD_TOO_LARGE", "The body is over the route's limit."],
  ["422 VALIDATION_FAILED and named codes", "Invalid fields; `errors` holds one `{ path, message }` per field."],
  ["428 IDEMPOTENCY_KEY_REQUIRED", "Send an `Idempotency-Key` header."],
  ["429 RATE_LIMITED", "Wait `Retry-After` seconds."],
  ["500 INTERNAL_ERROR, 503 DATABASE_UNAVAILABLE", "Our side. Retry idempotent requests with backoff."],
];

function Code({ children }: { children: ReactNode }) {
  return <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs [overflow-wrap:anywhere]">{children}</code>;
}

export default function ApiGuidePage() {
  const scopes = operationsByScope();
  return (
    <div className="space-y-6 text-sm leading-6 text-slate-700">
      <PageHeader
        title="API guide"
        description={
          <>
            How to build against the Evently JSON API. Every operation, with schemas and examples, is in the{" "}
            <a className="underline" href="/api/docs">
              API reference
            </a>{" "}
            (OpenAPI 3.1 at <Code>/api/v1/openapi.json</Code>, good for generating a client).
          </>
        }
      />
      <Card title="Authentication">
        <p>
          Send <Code>Authorization: Bearer &lt;token&gt;</Code>. Three kinds of token are accepted:
        </p>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>
            <strong>Access tokens</strong> for apps a person signs in to: <Code>POST /api/v1/auth/token</Code> with email and password gives an access
            token (valid {ACCESS_TOKEN_TTL_SECONDS / 60} minutes) and a single-use refresh token for <Code>POST /api/v1/auth/refresh</Code>.
          </li>
          <li>
            <strong>API tokens</strong> for integrations: create one on your account page or with <Code>POST /api/v1/me/tokens</Code> while signed in.
            It starts with <Code>{API_TOKEN_PREFIX}</Code> (so secret scanners spot a leaked one), is shown once, may expire, and stops working the moment
            you revoke it. An API token can never manage your account or create other tokens.
          </li>
          <li>
            <strong>Organization API tokens</strong> for integrations a team runs: an owner creates one on the organization page or with{" "}
            <Code>POST /api/v1/organizations/&#123;id&#125;/tokens</Code> (find the id with <Code>GET /api/v1/me/organizations</Code>). It starts with{" "}
            <Code>{ORGANIZATION_TOKEN_PREFIX}</Code>, takes the same scopes, and acts as a manager of that organization only: it never manages members or
            tokens, reaches no <Code>/me</Code> route, books no tickets, and keeps working when the owner who made it leaves. Any owner can revoke it.
          </li>
        </ul>
      </Card>
      <Card title="Scopes">
        <p>An API token reaches only the operations of the scopes you gave it; anything else answers 403 INSUFFICIENT_SCOPE.</p>
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-left">
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-2 pr-4">
                  Scope
                </th>
                <th scope="col" className="py-2">
                  Allows
                </th>
              </tr>
            </thead>
            <tbody>
              {API_SCOPES.map((scope) => (
                <tr key={scope} className="border-b border-slate-100 align-top">
                  <td className="py-2 pr-4">
                    <Code>{scope}</Code>
                  </td>
                  <td className="py-2">
                    {API_SCOPE_LABELS[scope]}
                    <span className="block text-xs text-slate-500 [overflow-wrap:anywhere]">{scopes.get(scope)!.join(" · ") || "No operations yet."}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <Card title="Webhooks">
        <p>
          An integration registers its own receiver with <Code>POST /api/v1/webhooks</Code> and an API token holding <Code>webhooks:write</Code> (a
          scope beyond the first six: it lists, tests and redelivers too). The endpoint belongs to an organization, the token owner&apos;s first where
          they are an owner or manager unless <Code>organizationId</Code> names one, and hears about every event of that organization, whoever on the
          team runs it. The answer holds the <Code>whsec_</Code> signing secret, once.
        </p>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>
            Each message is a <Code>POST</Code> of <Code>{"{ type, timestamp, data }"}</Code> signed per Standard Webhooks: verify the raw body with
            any Standard Webhooks library, e.g. <Code>new Webhook(secret).verify(rawBody, headers)</Code> from the <Code>standardwebhooks</Code>{" "}
            package, which checks <Code>webhook-signature</Code> against <Code>webhook-id</Code> and <Code>webhook-timestamp</Code>.
          </li>
          <li>
            Answer 2xx within 10 seconds. Anything else is retried with backoff for about 28 hours; three days without a success switch the endpoint off
            and its organization&apos;s owners are emailed.
          </li>
          <li>
            Messages arrive unordered and at least once: <Code>webhook-id</Code> stays the same for one fact across retries and redeliveries, so drop
            repeats by it and order by <Code>timestamp</Code>. <Code>GET /api/v1/webhooks/{"{id}"}/deliveries</Code> shows each attempt&apos;s status.
          </li>
        </ul>
      </Card>
      <Card title="Idempotency">
        <p>
          Booking requires an <Code>Idempotency-Key</Code> header (any unique string up to 255 characters, e.g. a UUID per purchase). Repeating the request
          with the same key answers the original status and body, marked <Code>Idempotent-Replayed: true</Code>, and never books twice, so retry freely
          after a timeout. Reusing a key with a different body is 422 IDEMPOTENCY_KEY_REUSED; a retry while the first is still running may get 409
          IDEMPOTENCY_KEY_IN_PROGRESS: wait and retry.
        </p>
      </Card>
      <Card title="Pagination">
        <p>
          Lists take <Code>limit</Code> (1–100, default 20) and answer <Code>{"{ data: [...], nextCursor }"}</Code>. Pass <Code>nextCursor</Code> back as{" "}
          <Code>cursor</Code> for the next page; <Code>null</Code> means you have everything. Cursors are opaque: one this list did not hand out is 400
          INVALID_CURSOR.
        </p>
      </Card>
      <Card title="Errors">
        <p>
          Every refusal is <Code>application/problem+json</Code> (RFC 9457): <Code>{"{ type, title, status, detail, code, errors? }"}</Code>. Branch on the
          stable <Code>code</Code>, never on <Code>detail</Code>; the reference lists each operation&apos;s codes. Every answer carries{" "}
          <Code>X-Request-Id</Code>: send your own to find your request in our logs, and quote it when asking for help.
        </p>
        <dl className="mt-3 space-y-2">
          {ERRORS.map(([codes, meaning]) => (
            <div key={codes}>
              <dt className="font-mono text-xs text-slate-900">{codes}</dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card title="Rate limits">
        <p>
          Sign-in, sign-up, codes, token creation and bookings are limited per account and per address. Past a limit the answer is 429 with{" "}
          <Code>Retry-After</Code> (seconds) and <Code>RateLimit-Limit</Code>, <Code>RateLimit-Remaining</Code> and <Code>RateLimit-Reset</Code>. API tokens
          count against the same limits as their owner&apos;s sessions. Back off and retry after the time given.
        </p>
      </Card>
      <Card title="Versioning and deprecation">
        <ul className="list-disc space-y-1 pl-5">
          <li>
            The version is in the path: <Code>/api/v1</Code>. Within v1 we only add: new operations, new optional request fields, new response fields,
            new error codes. Ignore fields you do not know.
          </li>
          <li>Removing or renaming a field, operation or operationId, or making an optional input required, needs a new version.</li>
          <li>
            Before an operation goes away it is marked deprecated in the reference and answers with <Code>Deprecation</Code> and <Code>Sunset</Code> headers
            for at least six months; a new version runs beside the old one for that long.
          </li>
        </ul>
      </Card>
    </div>
  );
}
